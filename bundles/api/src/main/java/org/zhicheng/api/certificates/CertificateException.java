package org.zhicheng.api.certificates;

import java.util.List;

import org.zhicheng.api.business.RefusedException;

/** A certificate operation refused, with the reason in Simplified Chinese and English. */
public class CertificateException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public CertificateException(int status, String code, String zh, String en) {
        super(status, code, zh, en, List.of());
    }
}

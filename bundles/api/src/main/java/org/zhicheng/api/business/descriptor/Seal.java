package org.zhicheng.api.business.descriptor;

/**
 * The electronic seal stamped on a certificate (GD-CERT-1: 广东省职称证书专用章 at the bottom right). The seal image
 * and signing key are secrets of the deployment, named here by alias and supplied by configuration outside the
 * repository; a missing seal stops issuing with a clear message (DESIGN, security by construction).
 *
 * @param name the seal's name, e.g. 广东省职称证书专用章 / Guangdong professional-title certificate seal
 * @param alias the configuration alias of the seal image and key
 * @param position where the seal goes; default {@code bottomRight}
 */
public record Seal(BilingualText name, String alias, SealPosition position) {

    /** Normalises the absent position to its default. */
    public Seal {
        position = position == null ? SealPosition.BOTTOM_RIGHT : position;
    }
}

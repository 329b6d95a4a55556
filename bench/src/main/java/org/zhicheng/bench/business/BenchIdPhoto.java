package org.zhicheng.bench.business;

import java.io.InputStream;

import org.zhicheng.api.business.Business;

/**
 * The benchmark's business: one ID-photo slot with the GD-PHOTO-2 rules. Packed into a bundle by
 * {@link BenchBundle} at run time and dropped into the distribution's {@code deploy/}, as an administrator would.
 */
public final class BenchIdPhoto implements Business {

    @Override
    public InputStream openDescriptor() {
        return BenchIdPhoto.class.getResourceAsStream("/META-INF/zhicheng/business.json");
    }
}

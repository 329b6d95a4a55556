package org.zhicheng.certificates.internal.signature;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Bouncy Castle as a provider object handed to each JCA call, never registered in {@code java.security}: in OSGi a
 * globally registered provider would outlive this bundle and pin its class loader.
 */
final class Bc {

    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}

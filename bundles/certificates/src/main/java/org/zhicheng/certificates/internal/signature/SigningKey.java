package org.zhicheng.certificates.internal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * The key certificates are signed with and its certificate chain, from a PKCS#12 keystore that the deployment keeps
 * outside the repository (there are no default keys). RSA signs with SHA256withRSA; an EC key (the Chinese SM2
 * curve) with SM3withSM2.
 *
 * @param privateKey the signing key
 * @param chain the signer's certificate first, then its issuers
 * @param algorithm the JCA signature algorithm
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, String algorithm) {

    public SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Reads the key from a PKCS#12 keystore.
     *
     * @param alias the entry to use; the only key entry when {@code null}
     * @throws IllegalArgumentException with what is wrong: the password, no key entry, an expired certificate, an
     *     algorithm other than RSA or SM2
     */
    public static SigningKey pkcs12(InputStream keystore, char[] password, String alias, Date now) {
        KeyStore store;
        try {
            // Bouncy Castle's keystore: the JDK's cannot read keys on the SM2 curve.
            store = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
            store.load(keystore, password);
        } catch (IOException e) {
            throw new IllegalArgumentException("the signing keystore cannot be opened: wrong password or not a"
                    + " PKCS#12 file (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the signing keystore cannot be read: " + e.getMessage(), e);
        }
        try {
            String entry = alias;
            if (entry == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new IllegalArgumentException("the signing keystore holds " + keys.size()
                            + " key entries; name one with its alias");
                }
                entry = keys.get(0);
            }
            Key key = store.getKey(entry, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("the signing keystore has no private key under \"" + entry + "\"");
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certificates = store.getCertificateChain(entry);
            for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the signing key \"" + entry + "\" has no certificate");
            }
            chain.get(0).checkValidity(now);
            return new SigningKey(privateKey, chain, algorithm(privateKey));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new IllegalArgumentException("the signing certificate is not valid now: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the signing key cannot be read: " + e.getMessage(), e);
        }
    }

    private static String algorithm(PrivateKey key) {
        if (key instanceof RSAKey) {
            return "SHA256withRSA";
        }
        if (key instanceof ECKey) {
            return "SM3withSM2";
        }
        throw new IllegalArgumentException("signing keys are RSA or SM2, not " + key.getAlgorithm());
    }
}

package org.zhicheng.identity.internal.auth;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.zhicheng.api.health.Health;
import org.zhicheng.api.health.HealthIndicator;
import org.zhicheng.identity.internal.crypto.PiiCipher;

/**
 * Reports, under {@code identity}, whether the personal-data keys are configured: without them registration of
 * people and two-factor sign-in stay off, which an administrator must see at once (DEGRADED), not discover later.
 */
@Component(service = HealthIndicator.class, configurationPid = "org.zhicheng.identity")
public final class IdentityHealth implements HealthIndicator {

    private volatile Health health;

    @Activate
    @Modified
    void configure(IdentitySettings settings) {
        try {
            PiiCipher.fromConfiguration(settings.pii_keyId(), settings.pii_encryptionKey(), settings.pii_lookupKey());
            health = Health.up(Map.of("personalDataKeys", "configured", "keyId", settings.pii_keyId()));
        } catch (IllegalStateException e) {
            health = new Health(Health.Status.DEGRADED, Map.of("personalDataKeys", "missing",
                    "problem", e.getMessage()));
        }
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public Health check() {
        return health;
    }
}

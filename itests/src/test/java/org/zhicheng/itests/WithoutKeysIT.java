package org.zhicheng.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A deployment whose operator has not configured the personal-data keys yet: the platform runs, says so in
 * health (DEGRADED, never a silent default key), and refuses what needs the keys with a clear 503.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithoutKeysIT {

    private KarafDistribution karaf;

    @BeforeAll
    void boot() throws Exception {
        karaf = KarafDistribution.unpack("no-keys", false);
        karaf.start(Duration.ofMinutes(3));
    }

    @AfterAll
    void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void healthIsDegradedAndRegistrationExplainsWhy() throws Exception {
        HttpResponse<String> health = karaf.get("/api/health");
        assertEquals(200, health.statusCode(), "degraded is still serving");
        JsonNode body = Json.parse(health.body());
        assertEquals("DEGRADED", body.get("status").asText(), body.toString());
        assertEquals("missing", body.at("/components/identity/personalDataKeys").asText(), body.toString());

        HttpResponse<String> register = karaf.send("POST", "/api/v1/registrations/applicants", "{}", Map.of());
        assertEquals(503, register.statusCode(), register.body());
        assertTrue(register.body().contains("etc/org.zhicheng.identity.cfg"), "the message says where to fix it");
    }
}

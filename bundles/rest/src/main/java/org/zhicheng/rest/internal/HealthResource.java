package org.zhicheng.rest.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.health.Health;
import org.zhicheng.api.health.HealthIndicator;

/** {@code GET /api/health}: the worst status of all parts, with each part's details. */
@Path("health")
public final class HealthResource {

    /** Parts that must report for the platform to be up; a missing one counts as down. */
    static final String[] REQUIRED = {"database", "businesses", "identity"};

    private final Supplier<Collection<HealthIndicator>> indicators;

    HealthResource(Supplier<Collection<HealthIndicator>> indicators) {
        this.indicators = indicators;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access.Public
    @Operation(summary = "Platform health / 平台健康状态",
            description = "UP, DEGRADED (working, needs attention, e.g. an invalid rule bundle) or DOWN (HTTP 503).",
            responses = {@ApiResponse(responseCode = "200", description = "UP or DEGRADED"),
                @ApiResponse(responseCode = "503", description = "DOWN")})
    public Response health() {
        Map<String, Object> components = new TreeMap<>();
        Health.Status worst = Health.Status.UP;
        for (HealthIndicator indicator : indicators.get()) {
            Health health;
            try {
                health = indicator.check();
            } catch (RuntimeException e) {
                health = Health.down(Map.of("error", String.valueOf(e.getMessage())));
            }
            components.put(indicator.name(), component(health));
            worst = worse(worst, health.status());
        }
        for (String required : REQUIRED) {
            if (!components.containsKey(required)) {
                components.put(required, component(Health.down(Map.of("error", "not available"))));
                worst = Health.Status.DOWN;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", worst.name());
        body.put("components", components);
        return Response.status(worst == Health.Status.DOWN ? 503 : 200).entity(body).build();
    }

    private static Map<String, Object> component(Health health) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("status", health.status().name());
        c.putAll(health.details());
        return c;
    }

    private static Health.Status worse(Health.Status a, Health.Status b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

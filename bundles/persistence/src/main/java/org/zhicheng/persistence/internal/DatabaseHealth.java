package org.zhicheng.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.health.Health;
import org.zhicheng.api.health.HealthIndicator;
import org.zhicheng.api.persistence.DatabaseSchema;

/** Reports whether the database answers, and which product and schema version it runs. */
@Component(service = HealthIndicator.class)
public final class DatabaseHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final DatabaseSchema schema;

    @Activate
    public DatabaseHealth(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Health check() {
        Map<String, Object> details = Map.of(
                "product", schema.product(),
                "version", schema.productVersion(),
                "schemaVersion", schema.schemaVersion());
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? Health.up(details) : Health.down(details);
        } catch (SQLException e) {
            return Health.down(Map.of("product", schema.product(), "error", String.valueOf(e.getMessage())));
        }
    }
}

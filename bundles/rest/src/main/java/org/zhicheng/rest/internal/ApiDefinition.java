package org.zhicheng.rest.internal;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.servers.Server;

/** The header of the OpenAPI document generated at build time and served at {@code /api/openapi.json}. */
@OpenAPIDefinition(
        info = @Info(title = "Zhicheng API",
                description = "职称申报评审平台接口 / Professional-title application and review platform API. "
                        + "Errors are application/problem+json with zh-CN and en messages.",
                version = "1",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/api"))
final class ApiDefinition {

    private ApiDefinition() {
    }
}

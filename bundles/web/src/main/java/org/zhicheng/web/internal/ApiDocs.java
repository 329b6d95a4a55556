package org.zhicheng.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The browsable API page ({@code /api-docs/index.html}): Swagger UI from its WebJar, unpacked into this bundle
 * at build time, reading {@code /api/openapi.json}.
 */
@Component(service = ApiDocs.class)
@HttpWhiteboardResource(pattern = "/api-docs/*", prefix = "/web/api-docs")
public final class ApiDocs {
}

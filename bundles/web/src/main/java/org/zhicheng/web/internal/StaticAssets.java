package org.zhicheng.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** The scripts, styles and images of the pages, served from this bundle under {@code /assets/}. */
@Component(service = StaticAssets.class)
@HttpWhiteboardResource(pattern = "/assets/*", prefix = "/web/assets")
public final class StaticAssets {
}

package org.zhicheng.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The page at {@code /}. Registered as the default servlet, so it also answers every path no other servlet or
 * resource claims, with a bilingual 404 page. The page itself is static; it reads {@code /api/v1/businesses}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("zhicheng-home")
@HttpWhiteboardServletPattern("/")
public final class HomePage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Only our own scripts and styles, no framing, no plugins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final byte[] index = read("/web/index.html");
    private final byte[] notFound = read("/web/404.html");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean home = path.isEmpty() || "/".equals(path) || "/index.html".equals(path);
        response.setStatus(home ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-cache");
        byte[] body = home ? index : notFound;
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = HomePage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

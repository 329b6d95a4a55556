package org.zhicheng.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.zhicheng.api.documents.ApplicationDocuments;
import org.zhicheng.api.documents.ApplicationDocuments.LayoutSettings;
import org.zhicheng.api.documents.Printing;

/**
 * {@code /api/v1/applications/{id}/documents}: the printed documents of an application (CQ-DOC-1 review form,
 * CQ-DOC-2 public notice, CQ-DOC-3 workload table, FJ-1 confirmation sheet, GD-TITLE-4 application form) as PDF,
 * and the layout settings kept with the application.
 */
@Path("v1/applications/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
public final class DocumentResource {

    private final Supplier<ApplicationDocuments> documents;

    @Context
    private HttpServletRequest request;

    DocumentResource(Supplier<ApplicationDocuments> documents) {
        this.documents = documents;
    }

    /** Layout settings as sent: per page number, and blank rows per table (section id). */
    public record Layout(Map<String, PageLayout> pages, Map<String, Integer> blankRows) {
    }

    /** One page's settings; an absent value keeps the default. */
    public record PageLayout(Float fontSize, Integer blankLines, Float rowHeight) {
    }

    @GET
    @Access.SignedIn
    @Operation(summary = "Documents of an application / 可打印的文档",
            description = "The business's documents the caller may obtain: id, name, kind, formats, whether it can be"
                    + " printed now (and why not), the adjustable settings and the settings in force.",
            responses = {@ApiResponse(responseCode = "200", description = "The documents"),
                @ApiResponse(responseCode = "404", description = "No such application in your scope")})
    public List<Map<String, Object>> list(@PathParam("id") String id) {
        return service().offered(Sessions.caller(request), id).stream().map(DocumentResource::json).toList();
    }

    @GET
    @Path("{document}")
    @Access.SignedIn
    @Operation(summary = "A document as PDF / 打印文档",
            description = "Laid out from the application's answers by the rules version it follows, with the saved"
                    + " layout settings. The draft watermark prints until its step has passed (CQ-DOC-1).",
            responses = {@ApiResponse(responseCode = "200", description = "The PDF"),
                @ApiResponse(responseCode = "403", description = "Not for your role"),
                @ApiResponse(responseCode = "404", description = "No such application or printable document"),
                @ApiResponse(responseCode = "409", description = "Not available yet (e.g. before an approval)"),
                @ApiResponse(responseCode = "422", description = "It does not fit its one sheet: adjust the layout")})
    public Response pdf(@PathParam("id") String id, @PathParam("document") String document) {
        ApplicationDocuments.Pdf pdf = service().pdf(Sessions.caller(request), id, document);
        return Response.ok(pdf.content(), "application/pdf")
                .header("Content-Length", pdf.content().length)
                .header("Cache-Control", "private, no-store")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Content-Disposition", FileResource.disposition("inline", pdf.fileName()))
                .build();
    }

    @PUT
    @Path("{document}/layout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.SignedIn
    @Operation(summary = "Change the layout settings / 调整打印格式",
            description = "Replaces the settings: pages {\"2\": {fontSize, blankLines, rowHeight}} and blankRows"
                    + " {\"section\": n}, only as the document allows (CQ-DOC-1, CQ-DOC-2).",
            responses = {@ApiResponse(responseCode = "200", description = "The settings in force"),
                @ApiResponse(responseCode = "400", description = "A setting out of range or not adjustable"),
                @ApiResponse(responseCode = "404", description = "No such application or printable document")})
    public Map<String, Object> adjust(@PathParam("id") String id, @PathParam("document") String document,
            Layout body) {
        return settings(service().adjust(Sessions.caller(request), id, document, settings(body)));
    }

    private static LayoutSettings settings(Layout body) {
        if (body == null) {
            throw QueryParams.bad("invalid-layout", "请提供打印格式设置。", "Send the layout settings.");
        }
        Map<Integer, Printing.Layout> pages = new TreeMap<>();
        if (body.pages() != null) {
            for (Map.Entry<String, PageLayout> page : body.pages().entrySet()) {
                PageLayout p = page.getValue();
                int number;
                try {
                    number = Integer.parseInt(page.getKey());
                } catch (NumberFormatException e) {
                    throw QueryParams.bad("invalid-layout", "页码应为数字：" + page.getKey(),
                            "A page number must be a number: " + page.getKey());
                }
                try {
                    pages.put(number, new Printing.Layout(
                            p == null || p.fontSize() == null ? Printing.Layout.DEFAULT.fontSize() : p.fontSize(),
                            p == null || p.blankLines() == null ? 0 : p.blankLines(),
                            p == null || p.rowHeight() == null ? 0 : p.rowHeight()));
                } catch (IllegalArgumentException e) {
                    throw QueryParams.bad("invalid-layout", "字号应在 5 到 20 磅之间，空行 0 到 40 行，行高 0 到 200 磅。",
                            "Font size 5 to 20 pt, blank lines 0 to 40, row height 0 to 200 pt.");
                }
            }
        }
        return new LayoutSettings(pages, body.blankRows() == null ? Map.of() : body.blankRows());
    }

    static Map<String, Object> json(ApplicationDocuments.Offered o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", o.id());
        json.put("name", o.name());
        json.put("kind", o.kind().json());
        json.put("formats", o.formats().stream().map(f -> f.json()).toList());
        json.put("available", o.available());
        json.put("unavailable", o.unavailable());
        json.put("adjustable", o.adjustable().stream().map(a -> a.json()).toList());
        json.put("layout", settings(o.layout()));
        return json;
    }

    private static Map<String, Object> settings(LayoutSettings settings) {
        Map<String, Object> pages = new TreeMap<>();
        settings.pages().forEach((n, l) -> pages.put(String.valueOf(n), Map.of("fontSize", l.fontSize(),
                "blankLines", l.blankLines(), "rowHeight", l.rowHeight())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pages", pages);
        json.put("blankRows", new TreeMap<>(settings.blankRows()));
        return json;
    }

    private ApplicationDocuments service() {
        return ApiException.available(documents, "documents-unavailable", "打印服务暂不可用，请稍后重试。",
                "The printing service is not available right now; please try again shortly.");
    }
}

package org.zhicheng.rest.internal;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.audit.AuditEntry;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.audit.ChainVerification;

/**
 * {@code /api/v1/audit}: the audit log for administrators (FJ-7, FJ-10): search it and verify its hash chain.
 * Only platform administrators hold {@code audit.read} and {@code audit.verify} by default; they see the whole
 * deployment.
 */
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    private final Supplier<AuditTrail> audit;

    @Context
    private HttpServletRequest request;

    AuditResource(Supplier<AuditTrail> audit) {
        this.audit = audit;
    }

    @GET
    @Path("events")
    @Access.Requires("audit.read")
    @Operation(summary = "Search the audit log / 查询审计日志",
            description = "Oldest first, a page at a time: pass the last seq seen as 'after'. Authorities see what "
                    + "accounts of their own subtree did; only the deployment's root sees the whole log, anonymous "
                    + "sign-in attempts included.",
            responses = {@ApiResponse(responseCode = "200", description = "The entries"),
                @ApiResponse(responseCode = "400", description = "A filter is malformed")})
    public Map<String, Object> events(@QueryParam("actor") String actor, @QueryParam("organisation") String organisation,
            @QueryParam("action") String action, @QueryParam("objectType") String objectType,
            @QueryParam("objectId") String objectId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("after") @DefaultValue("0") long after, @QueryParam("limit") @DefaultValue("100") int limit) {
        AuditQuery query = query(actor, organisation, action, objectType, objectId, from, to, after, limit);
        List<Map<String, Object>> entries = trail().find(query, scope()).stream().map(AuditResource::describe)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries);
        body.put("next", entries.isEmpty() ? null : entries.get(entries.size() - 1).get("seq"));
        return body;
    }

    @GET
    @Path("events.csv")
    @Produces("text/csv")
    @Access.Requires("audit.read")
    @Operation(summary = "Export the audit log / 导出审计日志",
            description = "Every entry matching the filters, oldest first, as CSV (UTF-8 with a byte-order mark so that"
                    + " Excel shows Chinese correctly). Same filters as /events; 'limit' is the page size used to read.")
    public Response export(@QueryParam("actor") String actor, @QueryParam("organisation") String organisation,
            @QueryParam("action") String action, @QueryParam("objectType") String objectType,
            @QueryParam("objectId") String objectId, @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditQuery first = query(actor, organisation, action, objectType, objectId, from, to, 0, 1000);
        AuditTrail log = trail();
        String scope = scope();
        StreamingOutput csv = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("seq", "at",
                    "action", "account", "organisation", "role", "ip", "objectType", "objectId", "before", "after",
                    "detail", "hash").build())) {
                AuditQuery page = first;
                List<AuditEntry> entries;
                do {
                    entries = log.find(page, scope);
                    for (AuditEntry e : entries) {
                        var event = e.event();
                        printer.printRecord(e.seq(), e.at(), event.action(), event.actor().accountId(),
                                event.actor().organisationId(), event.actor().role(), event.actor().ip(),
                                event.objectType(), event.objectId(), event.before(), event.after(), event.detail(),
                                e.hash());
                    }
                    if (!entries.isEmpty()) {
                        page = new AuditQuery(page.actorAccountId(), page.organisationId(), page.actionPrefix(),
                                page.objectType(), page.objectId(), page.from(), page.to(),
                                entries.get(entries.size() - 1).seq(), page.limit());
                    }
                } while (entries.size() == page.limit());
            }
        };
        return Response.ok(csv, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-log.csv\"").build();
    }

    @GET
    @Path("verification")
    @Access.Requires("audit.verify")
    @Operation(summary = "Verify the audit chain / 校验审计日志完整性",
            description = "Recomputes every entry's hash; names the first entry changed, removed or reordered.")
    public Map<String, Object> verification() {
        ChainVerification v = trail().verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", v.intact());
        body.put("entriesChecked", v.entriesChecked());
        if (!v.intact()) {
            body.put("firstBrokenSeq", v.firstBrokenSeq());
            body.put("problem", v.problem());
        }
        return body;
    }

    /** The caller's part of the log: its subtree, or everything for the deployment's root organisation. */
    private String scope() {
        String path = Sessions.caller(request).organisationPath();
        boolean root = path.indexOf('/', 1) == path.length() - 1;
        return root ? null : path;
    }

    /** The query the filters describe, or a bilingual 400 problem. */
    private static AuditQuery query(String actor, String organisation, String action, String objectType,
            String objectId, String from, String to, long after, int limit) {
        try {
            return new AuditQuery(actor, organisation, action, objectType, objectId,
                    QueryParams.instant("from", from, false), QueryParams.instant("to", to, true), after, limit);
        } catch (IllegalArgumentException e) {
            throw new ApiException(new ApiProblem(400, "invalid-query",
                    "查询条件无效：每页 1 至 1000 条，操作名只含小写字母、数字、点和连字符。",
                    "Invalid filter: limit is 1 to 1000, and the action holds only lower-case letters, digits, dots"
                            + " and hyphens."));
        }
    }

    private AuditTrail trail() {
        return ApiException.available(audit, "audit-unavailable", "审计日志暂不可用，请稍后重试。",
                "The audit log is not available right now; please try again shortly.");
    }

    private static Map<String, Object> describe(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("action", e.event().action());
        m.put("actor", e.event().actor());
        m.put("objectType", e.event().objectType());
        m.put("objectId", e.event().objectId());
        m.put("before", e.event().before());
        m.put("after", e.event().after());
        m.put("detail", e.event().detail());
        m.put("hash", e.hash());
        return m;
    }
}

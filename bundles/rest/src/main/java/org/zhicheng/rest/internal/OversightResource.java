package org.zhicheng.rest.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Oversight;
import org.zhicheng.api.workflow.Oversight.Counts;
import org.zhicheng.api.workflow.Oversight.Filter;
import org.zhicheng.api.workflow.Oversight.Grouping;
import org.zhicheng.api.workflow.Oversight.Sort;

/**
 * {@code /api/v1/oversight}: what authorities and observers see of the applications below them, read only
 * (GD-PHOTO-6, CQ-REV-1, FJ-8 track progress, FJ-10). Signed in is enough to call; what the caller sees is decided
 * by the service: with {@code application.read} its whole subtree, as an observer of a business (its descriptor's
 * {@code review.observers}) that business's applications the observer picks, otherwise nothing.
 */
@Path("v1/oversight")
@Produces(MediaType.APPLICATION_JSON)
public final class OversightResource {

    /** Dates without a time are days in Beijing, as every window of the platform. */

    private final Supplier<Oversight> oversight;

    @Context
    private HttpServletRequest request;

    OversightResource(Supplier<Oversight> oversight) {
        this.oversight = oversight;
    }

    @GET
    @Path("applications")
    @Access.SignedIn
    @Operation(summary = "Search applications / 申报查询",
            description = "The applications of your organisation's subtree you may see, with status, current step and "
                    + "its organisation (GD-PHOTO-6, CQ-REV-1, FJ-8). Filters: business, season, status (draft, "
                    + "in-review, returned, approved, rejected; repeat it or separate by commas), unit (in your subtree;"
                    + " subUnits=false for the unit alone), step (the pending step), submittedFrom / submittedTo (a date"
                    + " in Beijing time, or an instant such as 2026-11-22T08:00:00Z; a date as submittedTo includes that"
                    + " day), name (contains). sort = submittedAt (default) | updatedAt | applicantName | unit, "
                    + "order = desc (default) | asc; offset, limit 1 to 500 (default 50).",
            responses = {@ApiResponse(responseCode = "200", description = "total and the page's entries"),
                @ApiResponse(responseCode = "400", description = "An unknown status, sort or order, a bad date or "
                        + "page, a name over 50 characters"),
                @ApiResponse(responseCode = "404", description = "The unit is not in your subtree")})
    public Map<String, Object> applications(@QueryParam("business") String business,
            @QueryParam("season") String season, @QueryParam("status") List<String> status,
            @QueryParam("unit") String unit, @QueryParam("subUnits") String subUnits,
            @QueryParam("step") String step, @QueryParam("submittedFrom") String submittedFrom,
            @QueryParam("submittedTo") String submittedTo, @QueryParam("name") String name,
            @QueryParam("sort") String sort, @QueryParam("order") String order, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        Caller caller = caller();
        Filter filter = filter(business, season, status, unit, subUnits, step, submittedFrom, submittedTo, name, sort,
                order);
        int from = integer("offset", offset, 0);
        int size = limit(limit);
        Oversight.Page page = service().search(caller, filter, from, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("offset", from);
        body.put("limit", size);
        body.put("entries", page.entries().stream().map(OversightResource::json).toList());
        return body;
    }

    @GET
    @Path("overview")
    @Access.SignedIn
    @Operation(summary = "Progress overview / 办理进度统计",
            description = "For one business and season (default: its current season), the counts by status (draft, "
                    + "inReview, returned, approved, rejected) and, where the business takes a roster, the people on it "
                    + "who have not started (notStarted, GD-PHOTO-1/6); per unit (group=unit, default: every unit with "
                    + "something to count) or per direct sub-organisation of 'organisation' (group=child, each with its"
                    + " subtree; drill down by passing a child as organisation), with totals.",
            responses = {@ApiResponse(responseCode = "200", description = "The groups and totals"),
                @ApiResponse(responseCode = "400", description = "No business, or an unknown group"),
                @ApiResponse(responseCode = "404", description = "No such business you may see, or the organisation"
                        + " is not in your subtree")})
    public Map<String, Object> overview(@QueryParam("business") String business, @QueryParam("season") String season,
            @QueryParam("organisation") String organisation, @QueryParam("group") String group) {
        Caller caller = caller();
        Oversight.Overview o = service().overview(caller, required("business", business), QueryParams.blank(season),
                QueryParams.blank(organisation), grouping(group));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("business", o.businessId());
        body.put("season", o.seasonId());
        body.put("organisationId", o.organisationId());
        body.put("group", o.grouping().name().toLowerCase(Locale.ROOT));
        body.put("roster", o.roster());
        body.put("groups", o.groups().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("organisationId", g.organisationId());
            m.put("organisationName", g.organisationName());
            m.putAll(json(g.counts()));
            return m;
        }).toList());
        body.put("totals", json(o.totals()));
        return body;
    }

    @GET
    @Path("not-started")
    @Access.SignedIn
    @Operation(summary = "Not started / 名单内未申报人员",
            description = "The people on a business's roster for the season (default: current) in your subtree who "
                    + "have not begun an application (GD-PHOTO-6 not yet submitted), by unit name; unit narrows to a "
                    + "unit of your subtree and its sub-units; offset, limit 1 to 500 (default 50). Empty for a business"
                    + " without a roster.",
            responses = {@ApiResponse(responseCode = "200", description = "total and the page's people"),
                @ApiResponse(responseCode = "400", description = "No business, or a bad page"),
                @ApiResponse(responseCode = "404", description = "No such business you may see, or the unit is not in"
                        + " your subtree")})
    public Map<String, Object> notStarted(@QueryParam("business") String business,
            @QueryParam("season") String season, @QueryParam("unit") String unit,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Caller caller = caller();
        int from = integer("offset", offset, 0);
        int size = limit(limit);
        Oversight.NotStartedPage page = service().notStarted(caller, required("business", business), QueryParams.blank(season),
                QueryParams.blank(unit), from, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("offset", from);
        body.put("limit", size);
        body.put("people", page.people().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accountId", p.accountId());
            m.put("name", p.name());
            m.put("unitId", p.unitId());
            m.put("unitName", p.unitName());
            return m;
        }).toList());
        return body;
    }

    // --- request parsing: every malformed parameter is a 400 naming it, never a silent default ---

    /** The search filter of the query parameters. */
    static Filter filter(String business, String season, List<String> status, String unit, String subUnits,
            String step, String submittedFrom, String submittedTo, String name, String sort, String order) {
        Instant from = QueryParams.instant("submittedFrom", submittedFrom, false);
        Instant to = QueryParams.instant("submittedTo", submittedTo, true);
        return new Filter(QueryParams.blank(business), QueryParams.blank(season), statuses(status), QueryParams.blank(unit),
                bool("subUnits", subUnits, true), QueryParams.blank(step), from, to, QueryParams.blank(name), sort(sort), descending(order));
    }

    static Set<ApplicationStatus> statuses(List<String> given) {
        Set<ApplicationStatus> statuses = EnumSet.noneOf(ApplicationStatus.class);
        for (String each : given == null ? List.<String>of() : given) {
            for (String text : each.split(",")) {
                String t = text.strip();
                if (t.isEmpty()) {
                    continue;
                }
                statuses.add(List.of(ApplicationStatus.values()).stream().filter(s -> s.text().equals(t)).findFirst()
                        .orElseThrow(() -> QueryParams.bad("invalid-status", "未知的状态“" + t + "”。状态可为 draft、in-review、returned、"
                                + "approved 或 rejected。", "Unknown status '" + t + "'. A status is draft, in-review, "
                                + "returned, approved or rejected.")));
            }
        }
        return statuses;
    }

    static Sort sort(String text) {
        String t = QueryParams.blank(text);
        if (t == null) {
            return Sort.SUBMITTED_AT;
        }
        return switch (t) {
            // The names of the JSON fields sorted by, as in the review queue.
            case "submittedAt" -> Sort.SUBMITTED_AT;
            case "updatedAt" -> Sort.UPDATED_AT;
            case "applicantName" -> Sort.APPLICANT_NAME;
            case "unit" -> Sort.UNIT;
            default -> throw QueryParams.bad("invalid-sort", "未知的排序方式“" + t + "”。可按 submittedAt、updatedAt、applicantName 或 "
                    + "unit 排序。", "Unknown sort '" + t + "'. Sort by submittedAt, updatedAt, applicantName or unit.");
        };
    }

    static boolean descending(String text) {
        String t = QueryParams.blank(text);
        if (t == null || t.equals("desc")) {
            return true;
        }
        if (t.equals("asc")) {
            return false;
        }
        throw QueryParams.bad("invalid-order", "排序方向应为 asc（升序）或 desc（降序）。", "The order is asc or desc.");
    }

    static Grouping grouping(String text) {
        String t = QueryParams.blank(text);
        if (t == null || t.equals("unit")) {
            return Grouping.UNIT;
        }
        if (t.equals("child")) {
            return Grouping.CHILD;
        }
        throw QueryParams.bad("invalid-group", "分组方式应为 unit（按单位）或 child（按直属下级）。",
                "The group is unit (per unit) or child (per direct sub-organisation).");
    }

    static int limit(String text) {
        int limit = integer("limit", text, 50);
        if (limit < 1 || limit > Oversight.MAX_LIMIT) {
            throw QueryParams.bad("invalid-page", "limit 应为 1 至 " + Oversight.MAX_LIMIT + "。",
                    "limit is 1 to " + Oversight.MAX_LIMIT + ".");
        }
        return limit;
    }

    static int integer(String parameter, String text, int absent) {
        String t = QueryParams.blank(text);
        if (t == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(t);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw QueryParams.bad("invalid-page", parameter + " 应为不小于 0 的整数。", parameter + " must be a whole number of at least 0.");
    }

    private static boolean bool(String parameter, String text, boolean absent) {
        String t = QueryParams.blank(text);
        if (t == null) {
            return absent;
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw QueryParams.bad("invalid-request", parameter + " 应为 true 或 false。", parameter + " is true or false.");
    }

    private static String required(String parameter, String text) {
        String t = QueryParams.blank(text);
        if (t == null) {
            throw QueryParams.bad("invalid-request", "请指定 " + parameter + "。", "The " + parameter + " parameter is required.");
        }
        return t;
    }

    // --- answers ---

    static Map<String, Object> json(Oversight.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", e.applicationId());
        m.put("business", e.businessId());
        m.put("season", e.seasonId());
        m.put("applicantAccountId", e.applicantAccountId());
        m.put("applicantName", e.applicantName());
        m.put("unitId", e.unitId());
        m.put("unitName", e.unitName());
        m.put("status", e.status().text());
        m.put("currentStep", e.currentStepId());
        m.put("currentStepOrganisationId", e.currentStepOrganisationId());
        m.put("currentStepOrganisationName", e.currentStepOrganisationName());
        m.put("submittedAt", text(e.submittedAt()));
        m.put("updatedAt", text(e.updatedAt()));
        m.put("decidedAt", text(e.decidedAt()));
        m.put("canDownload", e.canDownload());
        return m;
    }

    private static Map<String, Object> json(Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("draft", c.draft());
        m.put("inReview", c.inReview());
        m.put("returned", c.returned());
        m.put("approved", c.approved());
        m.put("rejected", c.rejected());
        m.put("notStarted", c.notStarted());
        m.put("applications", c.applications());
        m.put("notSubmitted", c.notSubmitted());
        return m;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * The caller, who must have finished its first sign-in (new password, two-factor set-up, profile) as for any
     * endpoint that requires a permission (FJ-7): signed in is the rule here only because observers need none.
     */
    private Caller caller() {
        Caller caller = Sessions.caller(request);
        if (caller.mustChangePassword()) {
            throw new ApiException(Sessions.PASSWORD_CHANGE_REQUIRED);
        }
        if (caller.mustEnrollSecondFactor()) {
            throw new ApiException(Sessions.SECOND_FACTOR_REQUIRED);
        }
        if (caller.mustCompleteProfile()) {
            throw new ApiException(Sessions.PROFILE_REQUIRED);
        }
        return caller;
    }

    private Oversight service() {
        return ApiException.available(oversight, "workflow-unavailable", "查询服务暂不可用，请稍后重试。",
                "The oversight service is not available right now; please try again shortly.");
    }
}

package org.zhicheng.rest.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.notification.Inbox;
import org.zhicheng.api.notification.OutboxAdministration;

/**
 * {@code /api/v1/notifications}: each account's in-app messages (FJ-5: reviewers see a pop-up reminder; the web
 * application shows the unread ones), and for operators the outbox's failures and their retry.
 */
@Path("v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationResource {

    private final Supplier<Inbox> inbox;
    private final Supplier<OutboxAdministration> outbox;

    @Context
    private HttpServletRequest request;

    NotificationResource(Supplier<Inbox> inbox, Supplier<OutboxAdministration> outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @GET
    @Path("inbox")
    @Access.SignedIn
    @Operation(summary = "My messages / 我的消息",
            description = "Your in-app messages (review reminders, returns and other notices), newest first, with how "
                    + "many you have and how many are unread. limit is 1 to 100.",
            responses = {@ApiResponse(responseCode = "200", description = "total, unread and a page of messages"),
                @ApiResponse(responseCode = "400", description = "Invalid page")})
    public Map<String, Object> mine(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        Inbox.Page page = inbox().mine(Sessions.caller(request), offset, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("unread", page.unread());
        body.put("messages", page.entries().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("subject", e.subject());
            m.put("body", e.body());
            m.put("purpose", e.purpose());
            m.put("createdAt", e.createdAt().toString());
            m.put("readAt", e.readAt() == null ? null : e.readAt().toString());
            return m;
        }).toList());
        return body;
    }

    @POST
    @Path("inbox/{id}/read")
    @Access.SignedIn
    @Operation(summary = "Mark a message read / 标记消息已读",
            description = "Marks one of your messages read; marking it again changes nothing.",
            responses = {@ApiResponse(responseCode = "204", description = "Read"),
                @ApiResponse(responseCode = "404", description = "You have no message with this id")})
    public void markRead(@PathParam("id") String id) {
        inbox().markRead(Sessions.caller(request), id);
    }

    @GET
    @Path("outbox")
    @Access.Requires(OutboxAdministration.PERMISSION)
    @Operation(summary = "Outbox messages / 通知发送情况",
            description = "How many e-mails and SMS wait, failed and were sent, and a page of one status: status = "
                    + "failed (default, most recently given up first) | waiting | sent. Each with channel, masked "
                    + "recipient, purpose, attempts, last error and times; never the text. limit is 1 to 200.",
            responses = {@ApiResponse(responseCode = "200", description = "Counts and a page of messages"),
                @ApiResponse(responseCode = "400", description = "Unknown status or invalid page")})
    public Map<String, Object> outbox(@QueryParam("status") @DefaultValue("failed") String status,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        OutboxAdministration.Status which;
        try {
            which = OutboxAdministration.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(new ApiProblem(400, "invalid-status", "状态应为 failed、waiting 或 sent。",
                    "The status is failed, waiting or sent."));
        }
        OutboxAdministration.Page page = administration().list(Sessions.caller(request), which, offset, limit);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("waiting", page.waiting());
        counts.put("failed", page.failed());
        counts.put("sent", page.sent());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counts", counts);
        body.put("messages", page.entries().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("channel", e.channel());
            m.put("recipient", e.recipient());
            m.put("purpose", e.purpose());
            m.put("status", e.status().name().toLowerCase(Locale.ROOT));
            m.put("attempts", e.attempts());
            m.put("lastError", e.lastError());
            m.put("createdAt", e.createdAt().toString());
            m.put("nextAttemptAt", e.nextAttemptAt() == null ? null : e.nextAttemptAt().toString());
            m.put("failedAt", e.failedAt() == null ? null : e.failedAt().toString());
            m.put("sentAt", e.sentAt() == null ? null : e.sentAt().toString());
            return m;
        }).toList());
        return body;
    }

    @POST
    @Path("outbox/{id}/retry")
    @Access.Requires(OutboxAdministration.PERMISSION)
    @Operation(summary = "Retry a failed message / 重发失败的通知",
            description = "Queues a failed message again: its attempts start from zero and it is due now. Recorded in "
                    + "the audit log.",
            responses = {@ApiResponse(responseCode = "204", description = "Queued again"),
                @ApiResponse(responseCode = "404", description = "No such message"),
                @ApiResponse(responseCode = "409", description = "The message has not failed")})
    public void retry(@PathParam("id") String id) {
        administration().retry(Sessions.caller(request), id, request.getRemoteAddr());
    }

    private Inbox inbox() {
        return ApiException.available(inbox, "notification-unavailable", "消息服务暂不可用，请稍后重试。",
                "The message service is not available right now; please try again shortly.");
    }

    private OutboxAdministration administration() {
        return ApiException.available(outbox, "notification-unavailable", "通知服务暂不可用，请稍后重试。",
                "The notification service is not available right now; please try again shortly.");
    }
}

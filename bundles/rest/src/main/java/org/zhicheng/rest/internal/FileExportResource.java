package org.zhicheng.rest.internal;

import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.media.Attachments;

/**
 * {@code /api/v1/businesses/{business}/files/{slot}/zip}: one slot's files of every applicant under an
 * organisation as one streamed zip, each named by the slot's naming rule (GD-PHOTO-6: photos by ID number).
 */
@Path("v1/businesses/{business}/files")
public final class FileExportResource {

    private final Supplier<Attachments> attachments;

    @Context
    private HttpServletRequest request;

    FileExportResource(Supplier<Attachments> attachments) {
        this.attachments = attachments;
    }

    @GET
    @Path("{slot}/zip")
    @Produces("application/zip")
    @Access.Requires("media.export")
    @Operation(summary = "A unit's files as a zip / 打包下载",
            description = "The slot's current files of every application of the business under the organisation"
                    + " (default: yours), each named by the slot's naming rule (GD-PHOTO-6: by ID number).",
            responses = {@ApiResponse(responseCode = "200", description = "The zip, streamed"),
                @ApiResponse(responseCode = "404", description = "No such business, slot or organisation in scope")})
    public Response zip(@PathParam("business") String business, @PathParam("slot") String slot,
            @QueryParam("organisation") String organisation) {
        Caller caller = Sessions.caller(request);
        Attachments service = ApiException.available(attachments, "media-unavailable", "材料服务暂不可用，请稍后重试。",
                "The file service is not available right now; please try again shortly.");
        StreamingOutput zip = out -> service.zip(caller, business, slot, QueryParams.blank(organisation), out);
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", FileResource.disposition("attachment", business + "-" + slot + ".zip"))
                .header("Cache-Control", "private, no-store").build();
    }
}

package org.zhicheng.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.zhicheng.api.media.Attachments;
import org.zhicheng.api.media.Attachments.Download;
import org.zhicheng.api.media.Attachments.Variant;
import org.zhicheng.api.media.StoredFile;

/**
 * {@code /api/v1/applications/{id}/files}: the uploads of an application (GD-PHOTO-2, CQ-APP-4, FJ-3), as a raw
 * body ({@code PUT}) or a multipart form ({@code POST}, field {@code file}); downloads with range requests, always
 * as attachments for the original bytes. A unit's files as one zip are {@link FileExportResource}'s.
 */
@Path("v1/applications/{id}/files")
@Produces(MediaType.APPLICATION_JSON)
public final class FileResource {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final Supplier<Attachments> attachments;

    @Context
    private HttpServletRequest request;

    FileResource(Supplier<Attachments> attachments) {
        this.attachments = attachments;
    }

    @GET
    @Access.SignedIn
    @Operation(summary = "Files of an application / 申报材料列表",
            description = "Every stored file with its slot, row, size, SHA-256 and warnings, and the quota used.",
            responses = {@ApiResponse(responseCode = "200", description = "files, usedBytes, quotaBytes"),
                @ApiResponse(responseCode = "404", description = "No such application in your scope")})
    public Map<String, Object> list(@PathParam("id") String id) {
        Attachments.Listing listing = service().list(Sessions.caller(request), id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", listing.files().stream().map(FileResource::json).toList());
        json.put("usedBytes", listing.usedBytes());
        json.put("quotaBytes", listing.quotaBytes());
        return json;
    }

    @PUT
    @Path("{slot}")
    @Consumes(MediaType.WILDCARD)
    @Access.Requires("own.apply")
    @Operation(summary = "Upload a file (raw body) / 上传材料",
            description = "The body is the file. Its name comes from X-File-Name (percent-encoded UTF-8) or a"
                    + " Content-Disposition filename; ?row= names the row of a row slot, ?replace= the file it replaces"
                    + " (a single-file slot replaces its file anyway). The type is decided from the bytes alone.",
            responses = {@ApiResponse(responseCode = "201", description = "The stored file, with warnings"),
                @ApiResponse(responseCode = "400", description = "A check refused the file: one problem per check"),
                @ApiResponse(responseCode = "404", description = "No such application or slot"),
                @ApiResponse(responseCode = "409", description = "Not editable, slot full or row not saved"),
                @ApiResponse(responseCode = "413", description = "Larger than the slot allows, or over the quota")})
    public Response put(@PathParam("id") String id, @PathParam("slot") String slot, @QueryParam("row") String row,
            @QueryParam("replace") String replace, @HeaderParam("X-File-Name") String fileName,
            @HeaderParam("Content-Disposition") String disposition, InputStream body) {
        String name = fileName != null ? decoded(fileName) : dispositionName(disposition);
        return created(new Attachments.Upload(slot, QueryParams.blank(row), name, request.getContentLengthLong(),
                body, QueryParams.blank(replace)), id);
    }

    @POST
    @Path("{slot}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Access.Requires("own.apply")
    @Operation(summary = "Upload a file (multipart form) / 上传材料（表单）",
            description = "The form field \"file\" carries the file and its name; optional fields \"row\" and"
                    + " \"replace\" as for PUT.",
            responses = {@ApiResponse(responseCode = "201", description = "The stored file, with warnings"),
                @ApiResponse(responseCode = "400", description = "No file field, or a check refused the file"),
                @ApiResponse(responseCode = "404", description = "No such application or slot"),
                @ApiResponse(responseCode = "409", description = "Not editable, slot full or row not saved"),
                @ApiResponse(responseCode = "413", description = "Larger than the slot allows, or over the quota")})
    public Response post(@PathParam("id") String id, @PathParam("slot") String slot, MultipartBody form)
            throws IOException {
        Attachment file = form == null ? null : form.getAttachment("file");
        if (file == null) {
            throw new ApiException(new ApiProblem(400, "invalid-request", "请在表单字段 file 中附上文件。",
                    "Attach the file in the form field \"file\"."));
        }
        String name = file.getContentDisposition() == null ? null : file.getContentDisposition().getFilename();
        return created(new Attachments.Upload(slot, field(form, "row"), name, -1,
                file.getDataHandler().getInputStream(), field(form, "replace")), id);
    }

    @GET
    @Path("{slot}/{file}")
    @Produces(MediaType.WILDCARD)
    @Access.SignedIn
    @Operation(summary = "Download a file / 下载材料",
            description = "?variant=original (default; always an attachment), preview or thumbnail (re-encoded JPEG"
                    + " without metadata). Supports one byte range (Range: bytes=a-b) and If-None-Match.",
            responses = {@ApiResponse(responseCode = "200", description = "The bytes"),
                @ApiResponse(responseCode = "206", description = "The requested range"),
                @ApiResponse(responseCode = "304", description = "Unchanged (If-None-Match)"),
                @ApiResponse(responseCode = "404", description = "No such file in your scope"),
                @ApiResponse(responseCode = "416", description = "The range lies outside the file")})
    public Response download(@PathParam("id") String id, @PathParam("slot") String slot,
            @PathParam("file") String file, @QueryParam("variant") String variant,
            @HeaderParam("Range") String range, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Variant which = variant(variant);
        Download d = service().open(Sessions.caller(request), id, slot, file, which);
        String etag = "\"" + d.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build();
        }
        long start = 0;
        long end = d.size() - 1;
        boolean partial = false;
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            try {
                if (m.group(1).isEmpty()) {
                    start = Math.max(0, d.size() - Long.parseLong(m.group(2)));
                } else {
                    start = Long.parseLong(m.group(1));
                    end = m.group(2).isEmpty() ? end : Math.min(end, Long.parseLong(m.group(2)));
                }
            } catch (NumberFormatException e) {
                start = d.size();
            }
            if (start >= d.size() || start > end) {
                return Response.status(416).header("Content-Range", "bytes */" + d.size()).build();
            }
            partial = true;
        }
        long from = start;
        long length = end - start + 1;
        StreamingOutput bytes = out -> {
            try (InputStream in = d.content().open()) {
                in.skipNBytes(from);
                copy(in, out, length);
            }
        };
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200).entity(bytes)
                .type(d.mediaType())
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("ETag", etag)
                .header("Cache-Control", "private, no-cache")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Content-Disposition", disposition(which == Variant.ORIGINAL ? "attachment" : "inline",
                        d.fileName()));
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + d.size());
        }
        return response.build();
    }

    @DELETE
    @Path("{slot}/{file}")
    @Access.Requires("own.apply")
    @Operation(summary = "Delete a file / 删除材料", description = "Only while the application is editable.",
            responses = {@ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "404", description = "No such file"),
                @ApiResponse(responseCode = "409", description = "The application is not editable")})
    public Response delete(@PathParam("id") String id, @PathParam("slot") String slot,
            @PathParam("file") String file) {
        service().delete(Sessions.caller(request), id, slot, file, request.getRemoteAddr());
        return Response.noContent().build();
    }

    private Response created(Attachments.Upload upload, String id) {
        StoredFile stored = service().upload(Sessions.caller(request), id, upload, request.getRemoteAddr());
        return Response.status(201).entity(json(stored)).build();
    }

    private static String field(MultipartBody form, String name) throws IOException {
        Attachment part = form.getAttachment(name);
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getDataHandler().getInputStream()) {
            return QueryParams.blank(new String(in.readNBytes(200), StandardCharsets.UTF_8));
        }
    }

    private static Variant variant(String text) {
        if (text == null || text.isBlank()) {
            return Variant.ORIGINAL;
        }
        try {
            return Variant.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryParams.bad("invalid-variant", "variant 只能是 original、preview 或 thumbnail。",
                    "variant must be original, preview or thumbnail.");
        }
    }

    /** A percent-encoded name, or the text as it came when it is not validly encoded (it is only ever shown). */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The filename of a {@code Content-Disposition} request header, preferring the UTF-8 {@code filename*}. */
    static String dispositionName(String header) {
        if (header == null) {
            return null;
        }
        Matcher extended = Pattern.compile("filename\\*\\s*=\\s*UTF-8''([^;]+)", Pattern.CASE_INSENSITIVE)
                .matcher(header);
        if (extended.find()) {
            return decoded(extended.group(1).strip());
        }
        Matcher plain = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(header);
        return plain.find() ? plain.group(1).strip() : null;
    }

    /** RFC 6266: an ASCII fallback name and the exact UTF-8 name, so Chinese names arrive intact. */
    static String disposition(String type, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static void copy(InputStream in, java.io.OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    static Map<String, Object> json(StoredFile f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        json.put("slot", f.slotId());
        json.put("row", f.rowId());
        json.put("fileName", f.fileName());
        json.put("originalName", f.originalName());
        json.put("mediaType", f.mediaType());
        json.put("size", f.size());
        json.put("sha256", f.sha256());
        json.put("width", f.width());
        json.put("height", f.height());
        json.put("pages", f.pages());
        json.put("warnings", f.warnings().stream().map(w -> Map.of("code", w.code(), "zh", w.zh(), "en", w.en()))
                .toList());
        json.put("uploadedAt", f.uploadedAt().toString());
        return json;
    }

    private Attachments service() {
        return ApiException.available(attachments, "media-unavailable", "材料服务暂不可用，请稍后重试。",
                "The file service is not available right now; please try again shortly.");
    }
}

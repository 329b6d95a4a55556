package org.zhicheng.rest.internal;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.identity.PassListImports;
import org.zhicheng.api.registry.BusinessRegistry;

/**
 * {@code /api/v1/registrations/pass-lists}: an authority uploads the published pass list (GD-PHOTO-1) as Excel;
 * all rows are checked before any is imported.
 */
@Path("v1/registrations/pass-lists")
@Produces(MediaType.APPLICATION_JSON)
public final class PassListResource {

    /** What an upload may be at most; the reader enforces it again on the bytes themselves. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Supplier<PassListImports> imports;
    private final Supplier<BusinessRegistry> registry;

    @Context
    private HttpServletRequest request;

    PassListResource(Supplier<PassListImports> imports, Supplier<BusinessRegistry> registry) {
        this.imports = imports;
        this.registry = registry;
    }

    @POST
    @Consumes({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel",
        MediaType.APPLICATION_OCTET_STREAM})
    @Access.Requires("applicant.import")
    @Operation(summary = "Import a pass list / 导入合格人员名单",
            description = "The Excel file (.xlsx or .xls, at most 10 MB and 50,000 rows) as the request body. The first "
                    + "row names the columns: 姓名, 身份证号, 单位 (full name or unified social credit code; not needed with "
                    + "?unit=), optional 手机号, 邮箱, 用户名 (defaults to the ID number). One bad row and nothing is "
                    + "imported; every problem is listed by row. New applicants get an account without a password: they "
                    + "set one by e-mail recovery, or their unit issues a one-time password. With ?business= everyone "
                    + "on the list joins that business's roster for its season (who may apply, GD-PHOTO-1).",
            responses = {@ApiResponse(responseCode = "200", description = "Imported: counts and the accounts made"),
                @ApiResponse(responseCode = "400", description = "Not a spreadsheet, missing columns, or bad rows"),
                @ApiResponse(responseCode = "404", description = "Unit not in your scope"),
                @ApiResponse(responseCode = "413", description = "Larger than 10 MB")})
    public Map<String, Object> importList(@QueryParam("unit") String unitId,
            @QueryParam("business") String businessId, InputStream body) {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new ApiException(new ApiProblem(413, "too-large", "文件超过10MB，请分批上传。",
                    "The file is larger than 10 MB; upload it in parts."));
        }
        PassListImports.Roster roster = null;
        if (businessId != null) {
            BusinessRegistry offered = ApiException.available(registry, "registry-unavailable",
                    "业务目录暂不可用，请稍后重试。", "The business registry is not available right now.");
            var descriptor = offered.current(businessId).orElseThrow(() -> new ApiException(new ApiProblem(404,
                    "business-not-found", "没有这项业务。", "No such business."))).descriptor();
            String season = descriptor.season() != null ? descriptor.season().id()
                    : String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear());
            roster = new PassListImports.Roster(businessId, season);
        }
        PassListImports.Result result = ApiException.available(imports, "registration-unavailable",
                "名单导入未启用：请管理员配置个人信息加密密钥并确认文档组件已安装。",
                "Pass-list import is off: an administrator must configure the personal-data keys and install the"
                        + " documents bundle.")
                .importPassList(Sessions.caller(request), unitId, roster, body, request.getRemoteAddr());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("rows", result.rows());
        answer.put("created", result.created().stream().map(a -> Map.of("row", a.row(), "accountId", a.accountId(),
                "username", a.username(), "name", a.name(), "unitId", a.unitId())).toList());
        answer.put("alreadyRegistered", result.alreadyRegistered());
        return answer;
    }
}

package org.zhicheng.rest.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.zhicheng.api.identity.Registrations;

/**
 * {@code /api/v1/registrations/applicants}: applicants register under their unit (CQ-APP-1) and the unit
 * approves or rejects them (CQ-ORG-4, CQ-ORG-5).
 */
@Path("v1/registrations/applicants")
@Produces(MediaType.APPLICATION_JSON)
public final class RegistrationResource {

    /** The registration form; {@code birthDate} is ISO-8601 ({@code 1985-11-20}). */
    public record Form(String username, String password, String name, String idNumber, String sex, String birthDate,
            String mobile, String unitId, String staffType) {
    }

    /** Why a registration is rejected. */
    public record Rejection(String reason) {
    }

    private final Supplier<Registrations> registrations;

    @Context
    private HttpServletRequest request;

    RegistrationResource(Supplier<Registrations> registrations) {
        this.registrations = registrations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Public
    @Operation(summary = "Register as an applicant / 申报人注册",
            description = "The account can sign in once the chosen unit approves it. Every invalid field is listed; an "
                    + "ID number registered before names the unit holding it (CQ-ORG-5).",
            responses = {@ApiResponse(responseCode = "201", description = "Registered, awaiting the unit"),
                @ApiResponse(responseCode = "400", description = "Invalid fields, each named"),
                @ApiResponse(responseCode = "409", description = "ID number or username already registered")})
    public Response register(Form form) {
        if (form == null) {
            throw new ApiException(new ApiProblem(400, "invalid-registration", "请填写注册信息。",
                    "Please fill in the registration."));
        }
        LocalDate birthDate;
        try {
            birthDate = form.birthDate() == null || form.birthDate().isBlank() ? null : LocalDate.parse(form.birthDate());
        } catch (DateTimeParseException e) {
            throw new ApiException(new ApiProblem(400, "invalid-registration", "出生日期格式应为 YYYY-MM-DD。",
                    "The birth date is written YYYY-MM-DD.", List.of(Map.of("field", "birthDate",
                            "code", "person.birth-date", "zh", "出生日期格式应为 YYYY-MM-DD。",
                            "en", "The birth date is written YYYY-MM-DD."))));
        }
        String accountId = service().register(new Registrations.Application(form.username(), form.password(),
                form.name(), form.idNumber(), form.sex(), birthDate, form.mobile(), form.unitId(), form.staffType()),
                request.getRemoteAddr());
        return Response.status(201).entity(Map.of("accountId", accountId, "status", "pending")).build();
    }

    @GET
    @Access.Requires("applicant.approve")
    @Operation(summary = "Registrations awaiting approval / 待审核的注册",
            description = "ID and mobile numbers masked.",
            responses = @ApiResponse(responseCode = "404", description = "Unit not in your scope"))
    public List<Map<String, Object>> pending(@QueryParam("unit") String unitId) {
        return service().pending(Sessions.caller(request), unitId).stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accountId", p.accountId());
            m.put("username", p.username());
            m.put("name", p.name());
            m.put("idNumber", p.idNumberMasked());
            m.put("sex", p.sex());
            m.put("birthDate", p.birthDate() == null ? null : p.birthDate().toString());
            m.put("mobile", p.mobileMasked());
            m.put("staffType", p.staffType());
            m.put("unitId", p.unitId());
            return m;
        }).toList();
    }

    @POST
    @Path("{accountId}/approve")
    @Access.Requires("applicant.approve")
    @Operation(summary = "Approve a registration / 审核通过注册",
            responses = @ApiResponse(responseCode = "204", description = "Approved; the applicant can sign in"))
    public Response approve(@PathParam("accountId") String accountId) {
        service().approve(Sessions.caller(request), accountId, request.getRemoteAddr());
        return Response.noContent().build();
    }

    @POST
    @Path("{accountId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access.Requires("applicant.approve")
    @Operation(summary = "Reject a registration / 注册不予通过",
            description = "A reason is required; the registration is removed so the person can register again.",
            responses = @ApiResponse(responseCode = "204", description = "Rejected"))
    public Response reject(@PathParam("accountId") String accountId, Rejection body) {
        service().reject(Sessions.caller(request), accountId, body == null ? null : body.reason(),
                request.getRemoteAddr());
        return Response.noContent().build();
    }

    private Registrations service() {
        return ApiException.available(registrations, "registration-unavailable",
                "注册服务未启用：请管理员在 etc/org.zhicheng.identity.cfg 中配置个人信息加密密钥。",
                "Registration is off: an administrator must configure the personal-data keys in"
                        + " etc/org.zhicheng.identity.cfg.");
    }
}

package org.zhicheng.registry.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhicheng.registry.internal.validation.Descriptors.assertValid;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhicheng.api.business.descriptor.BackgroundColour;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Column;
import org.zhicheng.api.business.descriptor.ColumnMeta;
import org.zhicheng.api.business.descriptor.ComputationKind;
import org.zhicheng.api.business.descriptor.DeletePolicy;
import org.zhicheng.api.business.descriptor.Dictionary;
import org.zhicheng.api.business.descriptor.Document;
import org.zhicheng.api.business.descriptor.DocumentKind;
import org.zhicheng.api.business.descriptor.Eligibility;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.FieldType;
import org.zhicheng.api.business.descriptor.FileNameSource;
import org.zhicheng.api.business.descriptor.FileType;
import org.zhicheng.api.business.descriptor.Gate;
import org.zhicheng.api.business.descriptor.GateRequirement;
import org.zhicheng.api.business.descriptor.OrganisationPick;
import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.PageSize;
import org.zhicheng.api.business.descriptor.Recipient;
import org.zhicheng.api.business.descriptor.ResubmitFrom;
import org.zhicheng.api.business.descriptor.ReturnTarget;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.business.descriptor.ReviewStep;
import org.zhicheng.api.business.descriptor.Route;
import org.zhicheng.api.business.descriptor.Section;
import org.zhicheng.api.business.descriptor.UploadSlot;
import org.zhicheng.api.business.descriptor.Window;

/**
 * One realistic descriptor per province business fits the format: each validates, binds, and carries the rules of
 * its seed (REQUIREMENTS.md GD-PHOTO, GD-TITLE/GD-CERT, CQ, FJ).
 */
class ProvinceDescriptorsTest {

    private static BusinessDescriptor load(String file) {
        DescriptorValidation validation = Descriptors.validate(file);
        assertValid(validation);
        assertNotNull(validation.descriptor());
        return validation.descriptor();
    }

    private static Section section(BusinessDescriptor descriptor, String id) {
        return descriptor.form().sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Field field(BusinessDescriptor descriptor, String id) {
        return descriptor.field(id).orElseThrow();
    }

    private static UploadSlot slot(BusinessDescriptor descriptor, String id) {
        return descriptor.slot(id).orElseThrow();
    }

    private static ReviewStep step(BusinessDescriptor descriptor, String id) {
        return descriptor.step(id).orElseThrow();
    }

    private static Route route(BusinessDescriptor descriptor, String id) {
        return descriptor.review().routes().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gd-health-photo", "gd-title-review", "cq-health-senior", "fj-exam-prereg"})
    void provinceDescriptorIsValidAndNamedAfterItsFile(String id) {
        BusinessDescriptor descriptor = load(id + ".json");

        assertEquals(id, descriptor.id());
        assertEquals("1.0.0", descriptor.version());
        assertEquals(id.substring(0, 2), descriptor.province());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gd-health-photo", "gd-title-review", "cq-health-senior", "fj-exam-prereg"})
    void bindingSurvivesAJsonRoundTrip(String id) throws Exception {
        BusinessDescriptor descriptor = load(id + ".json");
        ObjectMapper mapper = DescriptorValidator.descriptorMapper();

        DescriptorValidation again = Descriptors.VALIDATOR.validate(mapper.writeValueAsBytes(descriptor));

        assertValid(again);
        assertEquals(descriptor, again.descriptor());
    }

    @Test
    void guangdongPhotoCollection() {
        BusinessDescriptor gd = load("gd-health-photo.json");

        // GD-PHOTO-2: JPEG, ≤ 600 KB, ≥ 128 × 180 px, red or blue, colour, recent, named by ID number.
        UploadSlot photo = slot(gd, "photo");
        assertEquals(List.of(FileType.JPEG), photo.accept());
        assertEquals(614_400L, photo.maxBytes());
        assertEquals(128, photo.image().minWidth());
        assertEquals(180, photo.image().minHeight());
        assertEquals(Set.of(BackgroundColour.RED, BackgroundColour.BLUE), Set.copyOf(photo.image().background()));
        assertTrue(photo.image().colour());
        assertEquals(6, photo.image().maxAgeMonths());
        assertEquals("2018-07-01", photo.image().takenOnOrAfter());
        assertEquals(FileNameSource.APPLICANT_ID_NUMBER, photo.fileName().source());
        assertTrue(field(gd, "photo").readOnlyAfterSubmit());

        // GD-PHOTO-3: two deadlines with offset.
        List<Window> windows = gd.season().windows();
        assertEquals(OffsetDateTime.parse("2019-01-13T23:00:00+08:00"), windows.get(0).closesAt());
        assertTrue(windows.get(0).applicant());
        assertEquals(OffsetDateTime.parse("2019-01-15T17:30:00+08:00"), windows.get(1).closesAt());
        assertEquals(List.of("unit-review"), windows.get(1).steps());
        assertEquals(List.of("unit-submit-all"), windows.get(1).gates());

        // GD-PHOTO-4/5: the unit reviews, then submits all once every passed applicant is approved; final.
        ReviewStep unit = step(gd, "unit-review");
        assertEquals(OrganisationPick.SELF, unit.reviewer().pick());
        assertEquals(List.of(ReviewAction.APPROVE, ReviewAction.RETURN, ReviewAction.REVOKE), unit.actions());
        Gate gate = gd.review().gates().get(0);
        assertEquals(GateRequirement.ALL_APPROVED, gate.requires());
        assertNull(gate.before());
        assertTrue(gate.includeNotStarted());
        assertTrue(gate.irrevocable());
        assertEquals(Eligibility.ROSTER, gd.options().eligibility());

        // GD-PHOTO-4 queue columns, GD-PHOTO-6 view-only city authority with download.
        assertEquals(List.of(ColumnMeta.UNIT, ColumnMeta.APPLICANT_NAME, ColumnMeta.APPLICATION_NUMBER, ColumnMeta.STATUS,
                ColumnMeta.FILE_SIZE, ColumnMeta.UPLOADED_AT, ColumnMeta.SUBMITTED_AT, ColumnMeta.FILE_EXISTS),
                gd.review().queueColumns().stream().map(Column::meta).toList());
        assertTrue(gd.review().observers().get(0).canDownload());
        assertFalse(gd.options().applicantMayWithdraw());
        assertEquals(DeletePolicy.NEVER, gd.options().applicantMayDelete());
    }

    @Test
    void guangdongTitleReviewAndCertificate() {
        BusinessDescriptor gd = load("gd-title-review.json");

        // GD-TITLE-2 / GD-TITLE-8: core data.
        for (String id : List.of("idNumber", "name", "declaredSeries", "declaredTitle", "declaredLevel", "committee")) {
            assertTrue(field(gd, id).coreData(), id + " is core data");
        }
        assertTrue(section(gd, "basic").saveFirst(), "GD-TITLE-5 basic info saved first");
        assertEquals("declaredSeries", field(gd, "declaredTitle").cascadeParent());
        assertEquals(ComputationKind.YEARS_BETWEEN, field(gd, "yearsInCurrentTitle").computed().kind());

        // GD-TITLE-6: personnel unit → competent authority → HRSS → committee.
        assertEquals(List.of("personnel-unit", "competent-authority", "hrss", "committee"),
                gd.review().routes().get(0).steps());
        assertEquals(OrganisationPick.FIELD, step(gd, "personnel-unit").reviewer().pick());
        assertNotNull(step(gd, "competent-authority").includeWhen(), "optional when there is no competent authority");
        assertEquals("committee", step(gd, "committee").reviewer().field());
        assertTrue(gd.options().applicantMayWithdraw());

        // GD-CERT-1..3: printed fields, photo frozen from the slot, numbering, seal, verification.
        assertEquals(List.of("name", "idNumber", "titleName", "specialty", "level", "howObtained", "passedDate",
                "reviewOrganisation", "certificateNumber", "issuer", "issueDate", "queryUrl"),
                gd.certificate().fields().stream().map(f -> f.key()).toList());
        assertEquals("photo", gd.certificate().photoSlot());
        assertEquals("committee", gd.certificate().issueAfter());
        assertTrue(gd.certificate().numbering().pattern().contains("{seq:8}"));
        assertEquals("广东省职称证书专用章", gd.certificate().seal().name().zh());
        assertEquals(PageSize.A4, gd.certificate().pageSize());
    }

    @Test
    void chongqingSeniorTitle() {
        BusinessDescriptor cq = load("cq-health-senior.json");

        // CQ-APP-3 row limits and orderable rows.
        assertEquals(8, section(cq, "study").maxRows());
        assertEquals(8, section(cq, "work").maxRows());
        assertEquals(10, section(cq, "achievements").maxRows());
        assertEquals(6, section(cq, "papers").maxRows());
        assertEquals(5, section(cq, "annualAppraisals").minRows());
        assertTrue(section(cq, "achievements").orderable());
        assertEquals(List.of("achKind", "researchLevel", "researchStage"),
                section(cq, "achievements").rowOrder().keys().stream().map(k -> k.field()).toList());
        assertEquals(3, ((Number) section(cq, "study").rowRules().get(0).check().gte()).intValue(), "study rows last 3 months");
        // CQ-APP-3: exam score only for deputy-senior; case analyses instead of papers for grassroots GPs.
        assertEquals("deputySenior", section(cq, "examScore").visibleWhen().equals());
        assertEquals("grassrootsGP", section(cq, "caseAnalyses").visibleWhen().equals());
        assertEquals("grassrootsGP", section(cq, "papers").visibleWhen().notEquals());

        // CQ-APP-4: PDF only, one file, ≤ 10 MB, A4 upright, ≤ 120 MB per application, row slots.
        assertEquals(125_829_120L, cq.uploads().quotaBytes());
        for (UploadSlot slot : cq.uploads().slots()) {
            assertEquals(List.of(FileType.PDF), slot.accept(), slot.id());
            assertEquals(1, slot.maxFiles(), slot.id());
            assertEquals(10_485_760L, slot.maxBytes(), slot.id());
            assertEquals(PageSize.A4, slot.pdf().pageSize(), slot.id());
            assertTrue(slot.pdf().upright(), slot.id());
        }
        assertEquals("achievements", slot(cq, "achievementEvidence").backs().section());
        assertEquals("workload-table", slot(cq, "workloadSigned").template());

        // CQ-REV-1: chains differ for establishment and other staff; the title-reform office is optional.
        assertEquals(List.of("unit", "competent-department", "district-commission", "title-reform-office", "city-commission"),
                route(cq, "district-establishment").steps());
        assertEquals(List.of("unit", "district-commission", "title-reform-office", "city-commission"),
                route(cq, "district-other").steps());
        assertNull(route(cq, "other-institutions").when(), "catch-all last");
        ReviewStep office = step(cq, "title-reform-office");
        assertEquals("title-reform-office", office.reviewer().role());
        assertEquals("attributes.hasTitleReformOffice", office.includeWhen().ancestor());
        assertTrue(step(cq, "unit").actions().containsAll(List.of(ReviewAction.MARK_ROW_DELETED, ReviewAction.CORRECT,
                ReviewAction.RECOMMEND, ReviewAction.PUBLIC_NOTICE)));
        assertEquals(List.of(ReviewAction.RETURN, ReviewAction.REJECT), step(cq, "unit").commentRequired());
        assertEquals(ReturnTarget.APPLICANT, cq.review().onReturn().to());
        assertEquals(ResubmitFrom.START, cq.review().onReturn().resubmitFrom());

        // CQ-REV-3: the level-1 unit submits to the city commission once all are approved or rejected.
        Gate gate = cq.review().gates().get(0);
        assertEquals("city-commission", gate.before());
        assertEquals(OrganisationPick.LEVEL, gate.submitter().pick());
        assertEquals(GateRequirement.ALL_DECIDED, gate.requires());

        // CQ-DOC-1/2, CQ-REV-4.
        Document form = cq.document("review-form").orElseThrow();
        assertEquals("level1-submit", form.watermark().untilPassed());
        assertEquals("草稿", form.watermark().text().zh());
        Document notice = cq.document("public-notice").orElseThrow();
        assertEquals(DocumentKind.PUBLIC_NOTICE, notice.kind());
        assertEquals(PageSize.A3, notice.pageSize());
        assertEquals(Orientation.LANDSCAPE, notice.orientation());
        assertTrue(notice.fitOnePage());
        assertEquals("paperOnNotice", notice.pages().get(0).blocks().stream()
                .filter(b -> "papers".equals(b.section())).findFirst().orElseThrow().rowsWhen().field());
        assertEquals(DocumentKind.ROSTER, cq.document("roster").orElseThrow().kind());

        // CQ-APP-6, CQ-REV-2.
        assertEquals(DeletePolicy.UNTIL_FIRST_ACTION, cq.options().applicantMayDelete());
        assertTrue(cq.options().rejectionBlocksSeason());
        assertEquals(new BigDecimal("100"), field(cq, "ethicsSatisfaction").max());
    }

    @Test
    void fujianExamPreRegistration() {
        BusinessDescriptor fj = load("fj-exam-prereg.json");

        // FJ-1: the registration window.
        Window registration = fj.season().windows().get(0);
        assertEquals(OffsetDateTime.parse("2019-12-24T00:00:00+08:00"), registration.opensAt());
        assertEquals(OffsetDateTime.parse("2020-01-14T00:00:00+08:00"), registration.closesAt());

        // FJ-2: declared level → qualification → practice category → practice scope → specialty.
        assertEquals("declaredLevel", field(fj, "qualification").cascadeParent());
        assertEquals("qualification", field(fj, "practiceCategory").cascadeParent());
        assertEquals("practiceCategory", field(fj, "practiceScope").cascadeParent());
        assertEquals("practiceScope", field(fj, "specialty").cascadeParent());
        Dictionary specialties = fj.dictionary("specialties").orElseThrow();
        assertEquals("practiceScopes", specialties.parentDictionary());
        assertEquals(FieldType.ORGANISATION, field(fj, "unit").type());
        assertEquals(Dictionary.SOURCE_ORGANISATIONS, fj.dictionary("units").orElseThrow().source());
        assertEquals(ComputationKind.YEARS_AND_MONTHS_BETWEEN, field(fj, "yearsHeld").computed().kind());
        assertEquals("^([0-9]{12}|无)$", field(fj, "chsiCode").pattern());

        // FJ-3: images back fields, ≤ 3 MB, jpg/png/bmp, ID card front and back.
        UploadSlot idCard = slot(fj, "idCard");
        assertEquals(2, idCard.minFiles());
        assertEquals(3_145_728L, idCard.maxBytes());
        assertEquals(Set.of(FileType.JPEG, FileType.PNG, FileType.BMP), Set.copyOf(idCard.accept()));
        assertTrue(idCard.backs().fields().contains("idNumber"));
        assertEquals("practiceCategory", slot(fj, "practiceCertificate").requiredWhen().field());
        assertEquals(Boolean.FALSE, slot(fj, "practiceCertificate").requiredWhen().empty());
        assertEquals("education", slot(fj, "educationCertificate").backs().section());

        // FJ-4: the route table by unit type, catch-all last.
        assertEquals(List.of("township", "county", "city", "provincial", "others"),
                fj.review().routes().stream().map(Route::id).toList());
        assertEquals(List.of("unit-review", "registration-point", "exam-site", "exam-region"), route(fj, "county").steps());
        assertEquals(List.of("registration-point", "exam-site", "exam-region"), route(fj, "township").steps());
        assertNull(route(fj, "others").when());
        assertEquals(OrganisationPick.ROOT, step(fj, "exam-region").reviewer().pick());

        // FJ-5: every image-backed slot checked against the original, opinion defaults to 同意, SMS on return.
        Set<String> backedSlots = fj.uploads().slots().stream().filter(s -> s.backs() != null).map(UploadSlot::id)
                .collect(Collectors.toSet());
        for (ReviewStep step : fj.review().steps()) {
            assertEquals(backedSlots, Set.copyOf(step.matchCheckSlots()), step.id());
            assertEquals("同意", step.defaultOpinion().zh(), step.id());
            // FJ-6: revoke until the next step acts.
            assertTrue(step.actions().contains(ReviewAction.REVOKE), step.id());
        }
        assertTrue(fj.review().notifications().stream()
                .anyMatch(n -> n.to() == Recipient.APPLICANT && n.channels().contains(
                        org.zhicheng.api.business.descriptor.Channel.SMS)));

        // FJ-1: the confirmation sheet after the registration point approves.
        Document sheet = fj.document("confirmation-sheet").orElseThrow();
        assertEquals(DocumentKind.CONFIRMATION_SHEET, sheet.kind());
        assertEquals("registration-point", sheet.availableAfter());
    }
}

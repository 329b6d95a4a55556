package org.zhicheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Oversight.Filter;
import org.zhicheng.api.workflow.Oversight.Grouping;
import org.zhicheng.api.workflow.Oversight.Sort;

/**
 * The oversight endpoints' query parameters (GD-PHOTO-6 query, FJ-8 track progress): every malformed one is a 400
 * that names it in Chinese and English, never a silent default.
 */
class OversightResourceTest {

    private static ApiProblem refused(Executable call) {
        return assertThrows(ApiException.class, call).problem();
    }

    @Test
    void aFullFilterIsReadAsGiven() {
        Filter f = OversightResource.filter(" two-step ", "2026", List.of("in-review,returned", "draft"), "unit-1",
                "false", "unit-review", "2026-11-01", "2026-11-30", " 李 ", "applicantName", "asc");
        assertEquals("two-step", f.businessId());
        assertEquals("2026", f.seasonId());
        assertEquals(Set.of(ApplicationStatus.IN_REVIEW, ApplicationStatus.RETURNED, ApplicationStatus.DRAFT),
                f.statuses());
        assertEquals("unit-1", f.unitId());
        assertFalse(f.includeSubUnits());
        assertEquals("unit-review", f.stepId());
        assertEquals(Instant.parse("2026-10-31T16:00:00Z"), f.submittedFrom(), "the day's start in Beijing");
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), f.submittedTo(), "a date as the end includes that day");
        assertEquals("李", f.applicantName());
        assertEquals(Sort.APPLICANT_NAME, f.sort());
        assertFalse(f.descending());
    }

    @Test
    void absentParametersMeanEverythingLatestFirst() {
        Filter f = OversightResource.filter(null, "", null, null, null, null, null, null, " ", null, null);
        assertNull(f.businessId());
        assertNull(f.seasonId());
        assertEquals(Set.of(), f.statuses());
        assertTrue(f.includeSubUnits());
        assertNull(f.applicantName());
        assertEquals(Sort.SUBMITTED_AT, f.sort());
        assertTrue(f.descending());
        assertEquals(50, OversightResource.limit(null));
        assertEquals(0, OversightResource.integer("offset", null, 0));
        assertEquals(Grouping.UNIT, OversightResource.grouping(null));
        assertEquals(Grouping.CHILD, OversightResource.grouping("child"));
        assertEquals(Instant.parse("2026-11-22T08:00:00Z"),
                QueryParams.instant("submittedFrom", "2026-11-22T16:00:00+08:00", false));
        assertEquals(Instant.parse("2026-11-22T08:00:00Z"),
                QueryParams.instant("submittedTo", "2026-11-22T08:00:00Z", true), "an instant stays as it is");
    }

    @Test
    void malformedParametersAreRefusedClearlyInBothLanguages() {
        ApiProblem sort = refused(() -> OversightResource.sort("name; DROP TABLE application"));
        assertEquals(400, sort.status());
        assertEquals("invalid-sort", sort.type());
        assertTrue(sort.zh().contains("排序") && sort.en().contains("applicantName"), sort.toString());

        ApiProblem status = refused(() -> OversightResource.statuses(List.of("in-review,submitted")));
        assertEquals("invalid-status", status.type());
        assertTrue(status.en().contains("'submitted'") && status.zh().contains("submitted"), status.toString());
        assertEquals("invalid-status", refused(() -> OversightResource.statuses(List.of("IN_REVIEW"))).type());

        ApiProblem date = refused(() -> QueryParams.instant("submittedFrom", "2026-13-01", false));
        assertEquals("invalid-date", date.type());
        assertTrue(date.en().startsWith("submittedFrom") && date.zh().startsWith("submittedFrom"));
        assertEquals("invalid-date", refused(() -> QueryParams.instant("submittedTo", "yesterday", true))
                .type());

        assertEquals("invalid-page", refused(() -> OversightResource.limit("0")).type());
        assertEquals("invalid-page", refused(() -> OversightResource.limit("501")).type());
        assertEquals("invalid-page", refused(() -> OversightResource.limit("ten")).type());
        assertEquals(500, OversightResource.limit("500"));
        assertEquals("invalid-page", refused(() -> OversightResource.integer("offset", "-1", 0)).type());
        assertEquals("invalid-order", refused(() -> OversightResource.descending("up")).type());
        assertEquals("invalid-group", refused(() -> OversightResource.grouping("district")).type());
        assertEquals("invalid-request", refused(() -> OversightResource.filter(null, null, null, "u", "yes", null,
                null, null, null, null, null)).type());
    }
}

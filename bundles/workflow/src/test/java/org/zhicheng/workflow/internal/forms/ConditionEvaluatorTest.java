package org.zhicheng.workflow.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhicheng.workflow.internal.forms.Fixtures.bind;
import static org.zhicheng.workflow.internal.forms.Fixtures.map;
import static org.zhicheng.workflow.internal.forms.Fixtures.org;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.Condition;
import org.zhicheng.api.business.descriptor.Form;
import org.zhicheng.api.business.descriptor.Section;

/** Every subject and operator of the Condition contract, one behaviour per test. */
class ConditionEvaluatorTest {

    static final Form FORM = bind("""
            {"sections": [
              {"id": "main", "fields": [
                {"id": "t", "type": "text"}, {"id": "t2", "type": "text"},
                {"id": "n", "type": "number"}, {"id": "n2", "type": "number"}, {"id": "i", "type": "integer"},
                {"id": "d", "type": "date"}, {"id": "d2", "type": "date"},
                {"id": "m", "type": "yearMonth"}, {"id": "m2", "type": "yearMonth"},
                {"id": "b", "type": "boolean"},
                {"id": "mc", "type": "multiChoice", "options": [{"code": "a"}, {"code": "b"}, {"code": "c"}]},
                {"id": "c", "type": "choice", "options": [{"code": "x"}, {"code": "y"}]}]},
              {"id": "work", "repeatable": true, "fields": [
                {"id": "level", "type": "choice", "options": [{"code": "junior"}, {"code": "intermediate"}]},
                {"id": "start", "type": "yearMonth"}, {"id": "end", "type": "yearMonth"}]},
              {"id": "other", "repeatable": true, "fields": [{"id": "o", "type": "text"}]}]}
            """, Form.class);
    static final Section WORK = FORM.sections().get(1);
    static final LocalDate TODAY = LocalDate.of(2019, 7, 15);

    static final OrganisationRef ROOT = org("city", "city-commission", 0);
    static final OrganisationRef DISTRICT = org("district", "district-health-commission", 1,
            "hasTitleReformOffice", "true", "beds", "10");
    static final OrganisationRef UNIT = org("hospital", "district-hospital", 2, "registrationPoint", "true",
            "grade", "3A", "opened", "2001-05-01");
    static final List<OrganisationRef> PATH = List.of(UNIT, DISTRICT, ROOT);

    static boolean holds(String condition, Map<String, ?> answers) {
        return ConditionEvaluator.holds(bind(condition, Condition.class),
                ConditionContext.of(FORM, answers, PATH, TODAY));
    }

    static boolean holds(String condition) {
        return holds(condition, map());
    }

    @Test
    void noConditionHolds() {
        assertTrue(ConditionEvaluator.holds(null, ConditionContext.of(FORM, Map.of(), PATH, TODAY)));
    }

    @Nested
    class Combinations {
        static final Map<String, Object> ANSWERS = map("t", "yes", "n", 5);

        @Test
        void allNeedsEveryMember() {
            assertTrue(holds("{\"all\": [{\"field\": \"t\", \"equals\": \"yes\"}, {\"field\": \"n\", \"equals\": 5}]}",
                    ANSWERS));
            assertFalse(holds("{\"all\": [{\"field\": \"t\", \"equals\": \"yes\"}, {\"field\": \"n\", \"equals\": 6}]}",
                    ANSWERS));
        }

        @Test
        void anyNeedsOneMember() {
            assertTrue(holds("{\"any\": [{\"field\": \"t\", \"equals\": \"no\"}, {\"field\": \"n\", \"equals\": 5}]}",
                    ANSWERS));
            assertFalse(holds("{\"any\": [{\"field\": \"t\", \"equals\": \"no\"}, {\"field\": \"n\", \"equals\": 6}]}",
                    ANSWERS));
        }

        @Test
        void notInverts() {
            assertFalse(holds("{\"not\": {\"field\": \"t\", \"equals\": \"yes\"}}", ANSWERS));
            assertTrue(holds("{\"not\": {\"field\": \"t\", \"equals\": \"no\"}}", ANSWERS));
        }

        @Test
        void combinationsNest() {
            assertTrue(holds("{\"all\": [{\"any\": [{\"field\": \"t\", \"empty\": true}, {\"field\": \"n\", \"gt\": 4}]},"
                    + " {\"not\": {\"field\": \"c\", \"empty\": false}}]}", ANSWERS));
        }
    }

    @Nested
    class Unanswered {
        static final Map<String, Object> BLANK = map("t", "  ", "mc", List.of(), "n", null);

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "{\"field\": \"t\", \"empty\": true}          | true",
            "{\"field\": \"mc\", \"empty\": true}         | true",
            "{\"field\": \"n\", \"empty\": true}          | true",
            "{\"field\": \"d\", \"empty\": true}          | true",
            "{\"field\": \"t\", \"empty\": false}         | false",
            "{\"field\": \"t\", \"notEquals\": \"a\"}     | true",
            "{\"field\": \"mc\", \"notIn\": [\"a\"]}      | true",
            "{\"field\": \"t\", \"equals\": \"  \"}       | false",
            "{\"field\": \"t\", \"in\": [\"a\"]}          | false",
            "{\"field\": \"n\", \"lt\": 1}                | false",
            "{\"field\": \"n\", \"lte\": 1}               | false",
            "{\"field\": \"n\", \"gt\": 1}                | false",
            "{\"field\": \"n\", \"gte\": 1}               | false",
            "{\"field\": \"t\", \"matches\": \".*\"}      | false",
            "{\"field\": \"t\", \"equalsField\": \"t2\"}  | false",
            "{\"field\": \"t\", \"notEqualsField\": \"t2\"} | false",
            "{\"field\": \"d\", \"ltField\": \"d2\"}      | false",
        })
        void satisfyOnlyEmptyTrueNotEqualsAndNotIn(String condition, boolean expected) {
            assertEquals(expected, holds(condition, BLANK));
        }

        @Test
        void booleanFalseAndZeroAreAnswers() {
            assertTrue(holds("{\"field\": \"b\", \"empty\": false}", map("b", false)));
            assertTrue(holds("{\"field\": \"n\", \"empty\": false}", map("n", 0)));
        }
    }

    @Nested
    class Literals {
        @Test
        void equalsAndNotEqualsText() {
            assertTrue(holds("{\"field\": \"t\", \"equals\": \"abc\"}", map("t", "abc")));
            assertFalse(holds("{\"field\": \"t\", \"equals\": \"ABC\"}", map("t", "abc")));
            assertTrue(holds("{\"field\": \"t\", \"notEquals\": \"ABC\"}", map("t", "abc")));
            assertFalse(holds("{\"field\": \"t\", \"notEquals\": \"abc\"}", map("t", "abc")));
        }

        @Test
        void numbersCompareNumericallyWhateverTheirJavaType() {
            assertTrue(holds("{\"field\": \"n\", \"equals\": 1}", map("n", 1.0)));
            assertTrue(holds("{\"field\": \"n\", \"equals\": 2.50}", map("n", new BigDecimal("2.5"))));
            assertTrue(holds("{\"field\": \"n\", \"gt\": 9}", map("n", 10L)));
            // As text "10" < "9"; numerically it is not.
            assertFalse(holds("{\"field\": \"n\", \"lt\": 9}", map("n", 10)));
        }

        @Test
        void decimalTextInANumberFieldIsANumber() {
            assertTrue(holds("{\"field\": \"n\", \"gt\": 9}", map("n", "10")));
            assertTrue(holds("{\"field\": \"n\", \"gtField\": \"n2\"}", map("n", "10", "n2", "9")));
            // In a text field the same strings compare as text.
            assertFalse(holds("{\"field\": \"t\", \"gtField\": \"t2\"}", map("t", "10", "t2", "9")));
        }

        @Test
        void booleansEqualTheirLiteral() {
            assertTrue(holds("{\"field\": \"b\", \"equals\": true}", map("b", true)));
            assertFalse(holds("{\"field\": \"b\", \"equals\": true}", map("b", false)));
            assertTrue(holds("{\"field\": \"b\", \"equals\": false}", map("b", false)));
        }

        @Test
        void inAndNotIn() {
            assertTrue(holds("{\"field\": \"c\", \"in\": [\"x\", \"y\"]}", map("c", "y")));
            assertFalse(holds("{\"field\": \"c\", \"in\": [\"x\"]}", map("c", "y")));
            assertTrue(holds("{\"field\": \"c\", \"notIn\": [\"x\"]}", map("c", "y")));
            assertFalse(holds("{\"field\": \"c\", \"notIn\": [\"x\", \"y\"]}", map("c", "y")));
            assertTrue(holds("{\"field\": \"n\", \"in\": [1, 2, 3]}", map("n", 3)));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "lt  | 2019-07-02 | true",  "lt  | 2019-07-01 | false",
            "lte | 2019-07-01 | true",  "lte | 2019-06-30 | false",
            "gt  | 2019-06-30 | true",  "gt  | 2019-07-01 | false",
            "gte | 2019-07-01 | true",  "gte | 2019-07-02 | false",
        })
        void datesCompareChronologically(String operator, String literal, boolean expected) {
            assertEquals(expected, holds("{\"field\": \"d\", \"" + operator + "\": \"" + literal + "\"}",
                    map("d", "2019-07-01")));
        }

        @Test
        void monthsCompareChronologically() {
            assertTrue(holds("{\"field\": \"m\", \"lt\": \"2019-10\"}", map("m", "2019-09")));
            assertTrue(holds("{\"field\": \"m\", \"gte\": \"2019-09\"}", map("m", "2019-09")));
            assertFalse(holds("{\"field\": \"m\", \"gt\": \"2019-09\"}", map("m", "2019-09")));
        }

        @Test
        void otherTextComparesAsText() {
            assertTrue(holds("{\"field\": \"t\", \"lt\": \"b\"}", map("t", "a")));
            assertFalse(holds("{\"field\": \"t\", \"lt\": \"a\"}", map("t", "b")));
        }
    }

    @Nested
    class Matches {
        @Test
        void matchesTheWholeText() {
            assertTrue(holds("{\"field\": \"t\", \"matches\": \"^([0-9]{12}|无)$\"}", map("t", "123456789012")));
            assertTrue(holds("{\"field\": \"t\", \"matches\": \"[0-9]{12}|无\"}", map("t", "无")));
            assertFalse(holds("{\"field\": \"t\", \"matches\": \"[0-9]{12}\"}", map("t", "1234567890123")));
            assertFalse(holds("{\"field\": \"t\", \"matches\": \"abc\"}", map("t", "xabcx")));
        }

        @Test
        void matchesNumbersByTheirText() {
            assertTrue(holds("{\"field\": \"n\", \"matches\": \"\\\\d{3}\"}", map("n", 123)));
        }

        @Test
        void catastrophicBacktrackingGivesUpInsteadOfHanging() {
            String evil = "a".repeat(40) + "!";
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertFalse(holds("{\"field\": \"t\", \"matches\": \"(a+)+b\"}", map("t", evil))));
        }

        @Test
        void overlongInputNeverMatches() {
            assertTrue(holds("{\"field\": \"t\", \"matches\": \".*\"}", map("t", "a".repeat(SafeRegex.MAX_INPUT))));
            assertFalse(holds("{\"field\": \"t\", \"matches\": \".*\"}",
                    map("t", "a".repeat(SafeRegex.MAX_INPUT + 1))));
        }

        @Test
        void patternsAreCompiledOnce() {
            assertTrue(SafeRegex.compiled("x{2}").get() == SafeRegex.compiled("x{2}").get());
        }

        @Test
        void anInvalidPatternNeverMatches() {
            assertFalse(SafeRegex.matches("(", "("));
        }
    }

    @Nested
    class MultiChoice {
        static final Map<String, Object> AB = map("mc", List.of("a", "b"));

        @Test
        void equalsAndInHoldWhenAnyCodeDoes() {
            assertTrue(holds("{\"field\": \"mc\", \"equals\": \"b\"}", AB));
            assertFalse(holds("{\"field\": \"mc\", \"equals\": \"c\"}", AB));
            assertTrue(holds("{\"field\": \"mc\", \"in\": [\"c\", \"a\"]}", AB));
            assertFalse(holds("{\"field\": \"mc\", \"in\": [\"c\"]}", AB));
        }

        @Test
        void notEqualsAndNotInHoldWhenNoCodeDoes() {
            assertFalse(holds("{\"field\": \"mc\", \"notEquals\": \"b\"}", AB));
            assertTrue(holds("{\"field\": \"mc\", \"notEquals\": \"c\"}", AB));
            assertFalse(holds("{\"field\": \"mc\", \"notIn\": [\"c\", \"a\"]}", AB));
            assertTrue(holds("{\"field\": \"mc\", \"notIn\": [\"c\"]}", AB));
        }

        @Test
        void matchesWhenAnyCodeMatches() {
            assertTrue(holds("{\"field\": \"mc\", \"matches\": \"b\"}", AB));
            assertFalse(holds("{\"field\": \"mc\", \"matches\": \"c\"}", AB));
        }
    }

    @Nested
    class FieldOperators {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "equalsField    | 2019-07-01 | 2019-07-01 | true",
            "equalsField    | 2019-07-01 | 2019-07-02 | false",
            "notEqualsField | 2019-07-01 | 2019-07-02 | true",
            "notEqualsField | 2019-07-01 | 2019-07-01 | false",
            "ltField        | 2019-06-30 | 2019-07-01 | true",
            "ltField        | 2019-07-01 | 2019-07-01 | false",
            "lteField       | 2019-07-01 | 2019-07-01 | true",
            "lteField       | 2019-07-02 | 2019-07-01 | false",
            "gtField        | 2019-07-02 | 2019-07-01 | true",
            "gtField        | 2019-07-01 | 2019-07-01 | false",
            "gteField       | 2019-07-01 | 2019-07-01 | true",
            "gteField       | 2019-06-30 | 2019-07-01 | false",
        })
        void compareWithTheOtherAnswer(String operator, String d, String d2, boolean expected) {
            assertEquals(expected, holds("{\"field\": \"d\", \"" + operator + "\": \"d2\"}", map("d", d, "d2", d2)));
        }

        @Test
        void anUnansweredOtherFieldSatisfiesOnlyNotEqualsField() {
            Map<String, Object> answers = map("d", "2019-07-01");
            assertTrue(holds("{\"field\": \"d\", \"notEqualsField\": \"d2\"}", answers));
            assertFalse(holds("{\"field\": \"d\", \"equalsField\": \"d2\"}", answers));
            assertFalse(holds("{\"field\": \"d\", \"gteField\": \"d2\"}", answers));
            assertFalse(holds("{\"field\": \"d\", \"ltField\": \"d2\"}", answers));
        }
    }

    @Nested
    class Organisations {
        @Test
        void orgReadsTheApplicantsUnit() {
            assertTrue(holds("{\"org\": \"type\", \"equals\": \"district-hospital\"}"));
            assertTrue(holds("{\"org\": \"id\", \"equals\": \"hospital\"}"));
            assertTrue(holds("{\"org\": \"level\", \"gt\": 1}"));
            assertFalse(holds("{\"org\": \"level\", \"gt\": 2}"));
            assertTrue(holds("{\"org\": \"level\", \"in\": [2, 3]}"));
            assertFalse(holds("{\"org\": \"type\", \"equals\": \"district-health-commission\"}"));
        }

        @Test
        void attributesAreTextSoLiteralsCompareByTheirJsonText() {
            assertTrue(holds("{\"org\": \"attributes.registrationPoint\", \"equals\": \"true\"}"));
            assertTrue(holds("{\"org\": \"attributes.registrationPoint\", \"equals\": true}"));
            assertTrue(holds("{\"ancestor\": \"attributes.beds\", \"equals\": 10}"));
            // Text order: "10" < "9".
            assertTrue(holds("{\"ancestor\": \"attributes.beds\", \"lt\": 9}"));
            assertTrue(holds("{\"org\": \"attributes.opened\", \"lt\": \"2001-06-01\"}"));
            assertTrue(holds("{\"org\": \"attributes.grade\", \"matches\": \"[0-9]A\"}"));
        }

        @Test
        void aMissingAttributeIsUnanswered() {
            assertTrue(holds("{\"org\": \"attributes.examSite\", \"empty\": true}"));
            assertTrue(holds("{\"org\": \"attributes.examSite\", \"notEquals\": \"true\"}"));
            assertFalse(holds("{\"org\": \"attributes.examSite\", \"equals\": \"false\"}"));
            assertTrue(holds("{\"org\": \"nonsense\", \"empty\": true}"));
        }

        @Test
        void ancestorHoldsWhenAnyOrganisationAboveTheUnitDoes() {
            assertTrue(holds("{\"ancestor\": \"type\", \"equals\": \"district-health-commission\"}"));
            assertTrue(holds("{\"ancestor\": \"type\", \"equals\": \"city-commission\"}"));
            assertTrue(holds("{\"ancestor\": \"attributes.hasTitleReformOffice\", \"equals\": \"true\"}"));
            // The unit itself is not its own ancestor.
            assertFalse(holds("{\"ancestor\": \"type\", \"equals\": \"district-hospital\"}"));
            assertFalse(holds("{\"ancestor\": \"attributes.registrationPoint\", \"equals\": \"true\"}"));
            assertTrue(holds("{\"ancestor\": \"level\", \"equals\": 0}"));
        }

        @Test
        void aRootUnitHasNoAncestorsSoNoAncestorTestHolds() {
            ConditionContext atRoot = ConditionContext.of(FORM, Map.of(), List.of(ROOT), TODAY);
            assertFalse(ConditionEvaluator.holds(bind("{\"ancestor\": \"type\", \"notEquals\": \"x\"}",
                    Condition.class), atRoot));
            assertFalse(ConditionEvaluator.holds(bind("{\"ancestor\": \"type\", \"empty\": true}", Condition.class),
                    atRoot));
        }

        @Test
        void withoutAnyOrganisationOrIsUnanswered() {
            ConditionContext nowhere = ConditionContext.of(FORM, Map.of(), List.of(), TODAY);
            assertTrue(ConditionEvaluator.holds(bind("{\"org\": \"type\", \"empty\": true}", Condition.class),
                    nowhere));
            assertFalse(ConditionEvaluator.holds(bind("{\"org\": \"type\", \"equals\": \"x\"}", Condition.class),
                    nowhere));
        }

        @Test
        void insideASelectorOrMeansTheOrganisationTested() {
            Condition registrationPoint = bind("{\"org\": \"type\", \"equals\": \"district-health-commission\"}",
                    Condition.class);
            ConditionContext context = ConditionContext.of(FORM, Map.of(), PATH, TODAY);
            assertFalse(ConditionEvaluator.holds(registrationPoint, context));
            assertTrue(ConditionEvaluator.holds(registrationPoint, context.testing(DISTRICT)));
            assertFalse(ConditionEvaluator.holds(registrationPoint, context.testing(ROOT)));
        }
    }

    @Nested
    class DateDifferences {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "2019-01    | 2019-04    | 3",
            "2019-01    | 2019-03    | 2",
            "2018-11    | 2019-02    | 3",
            "2019-04    | 2019-01    | -3",
            "2019-01-31 | 2019-04-30 | 2",
            "2019-01-31 | 2019-05-01 | 3",
            "2019-01-15 | 2019-04    | 3",
        })
        void wholeMonths(String from, String to, long months) {
            String fromField = from.length() == 7 ? "m" : "d";
            String toField = to.length() == 7 ? "m2" : "d2";
            Map<String, Object> answers = map(fromField, from, toField, to);
            String condition = "{\"monthsBetween\": [\"" + fromField + "\", \"" + toField + "\"], \"equals\": "
                    + months + "}";
            assertTrue(holds(condition, answers), condition + " over " + answers);
        }

        @Test
        void todayIsTheInjectedDay() {
            assertTrue(holds("{\"monthsBetween\": [\"d\", \"$today\"], \"equals\": 12}", map("d", "2018-07-15")));
            assertTrue(holds("{\"monthsBetween\": [\"d\", \"$today\"], \"equals\": 11}", map("d", "2018-07-16")));
            assertTrue(holds("{\"monthsBetween\": [\"$today\", \"m\"], \"equals\": 1}", map("m", "2019-08")));
        }

        @Test
        void wholeYearsTruncate() {
            assertTrue(holds("{\"yearsBetween\": [\"d\", \"$today\"], \"equals\": 0}", map("d", "2018-07-16")));
            assertTrue(holds("{\"yearsBetween\": [\"d\", \"$today\"], \"equals\": 1}", map("d", "2018-07-15")));
            assertTrue(holds("{\"yearsBetween\": [\"m\", \"m2\"], \"gte\": 5}", map("m", "2010-03", "m2", "2015-03")));
            assertFalse(holds("{\"yearsBetween\": [\"m\", \"m2\"], \"gte\": 5}", map("m", "2010-04", "m2", "2015-03")));
        }

        @Test
        void aMissingOrMalformedDateLeavesTheSubjectUnanswered() {
            assertTrue(holds("{\"monthsBetween\": [\"d\", \"$today\"], \"empty\": true}", map()));
            assertTrue(holds("{\"monthsBetween\": [\"d\", \"$today\"], \"empty\": true}", map("d", "2019-02-30")));
            assertFalse(holds("{\"monthsBetween\": [\"d\", \"$today\"], \"gte\": 0}", map("d", "soon")));
            assertTrue(holds("{\"monthsBetween\": [\"d\", \"$today\"], \"notEquals\": 0}", map()));
        }
    }

    @Nested
    class RowCount {
        static final Map<String, Object> ANSWERS = map("work", List.of(
                map("level", "junior", "start", "2010-01"),
                map("level", "intermediate", "start", "2015-01"),
                map("level", "intermediate", "start", "2018-01", Rows.DELETED, true),
                map("level", "intermediate", "start", "2019-01")));

        @Test
        void countsRowsNotMarkedDeleted() {
            assertTrue(holds("{\"rowCount\": \"work\", \"equals\": 3}", ANSWERS));
            assertTrue(holds("{\"rowCount\": \"work\", \"lte\": 3}", ANSWERS));
            assertFalse(holds("{\"rowCount\": \"work\", \"gt\": 3}", ANSWERS));
        }

        @Test
        void whereCountsOnlyRowsSatisfyingItInTheRow() {
            assertTrue(holds("{\"rowCount\": \"work\", \"where\": {\"field\": \"level\", \"equals\": \"intermediate\"},"
                    + " \"equals\": 2}", ANSWERS));
            assertTrue(holds("{\"rowCount\": \"work\", \"where\": {\"field\": \"start\", \"lt\": \"2015-01\"},"
                    + " \"equals\": 1}", ANSWERS));
        }

        @Test
        void zeroRowsIsEmptyButStillANumber() {
            assertTrue(holds("{\"rowCount\": \"work\", \"empty\": true}", map()));
            assertTrue(holds("{\"rowCount\": \"work\", \"empty\": true}",
                    map("work", List.of(map("level", "junior", Rows.DELETED, true)))));
            assertFalse(holds("{\"rowCount\": \"work\", \"empty\": true}", ANSWERS));
            assertTrue(holds("{\"rowCount\": \"work\", \"equals\": 0}", map()));
            assertTrue(holds("{\"rowCount\": \"work\", \"lt\": 1}", map()));
        }
    }

    @Nested
    class RowContext {
        static final Map<String, Object> ROW = map("level", "junior", "start", "2010-01", "end", "2010-03");
        static final Map<String, Object> ANSWERS = map("t", "top", "work", List.of(ROW));

        static boolean inRow(String condition) {
            return ConditionEvaluator.holds(bind(condition, Condition.class),
                    ConditionContext.of(FORM, ANSWERS, PATH, TODAY).inRow(WORK, ROW));
        }

        @Test
        void aFieldOfTheRowsSectionIsTheRowsAnswer() {
            assertTrue(inRow("{\"field\": \"level\", \"equals\": \"junior\"}"));
            assertTrue(inRow("{\"monthsBetween\": [\"start\", \"end\"], \"equals\": 2}"));
            assertTrue(inRow("{\"field\": \"end\", \"gtField\": \"start\"}"));
        }

        @Test
        void otherFieldsAreTheTopLevelAnswers() {
            assertTrue(inRow("{\"field\": \"t\", \"equals\": \"top\"}"));
        }

        @Test
        void aFieldOfARepeatableSectionIsUnansweredOutsideItsRows() {
            assertTrue(holds("{\"field\": \"level\", \"empty\": true}", ANSWERS));
            assertFalse(holds("{\"field\": \"level\", \"equals\": \"junior\"}",
                    map("level", "junior", "work", List.of(ROW))));
            assertTrue(holds("{\"field\": \"o\", \"empty\": true}", map("other", List.of(map("o", "x")))));
        }
    }

    @Test
    void malformedConditionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> holds("{\"field\": \"t\"}", map("t", "x")));
        assertThrows(IllegalArgumentException.class, () -> holds("{\"field\": \"t\"}", map()));
        assertThrows(IllegalArgumentException.class, () -> holds("{\"equals\": 1}"));
    }
}

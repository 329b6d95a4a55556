package org.zhicheng.registry.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhicheng.registry.internal.validation.Descriptors.assertProblem;
import static org.zhicheng.registry.internal.validation.Descriptors.at;
import static org.zhicheng.registry.internal.validation.Descriptors.json;
import static org.zhicheng.registry.internal.validation.Descriptors.validateChanged;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The semantic checks, each shown by breaking one thing in a valid province descriptor. The schema accepts every
 * one of these documents; only {@link SemanticChecks} finds the mistake.
 */
class SemanticChecksTest {

    private static final String GD_PHOTO = "gd-health-photo.json";
    private static final String GD_TITLE = "gd-title-review.json";
    private static final String CQ = "cq-health-senior.json";
    private static final String FJ = "fj-exam-prereg.json";

    @Nested
    class Ids {

        @Test
        void stepAndGateIdsShareANamespace() {
            DescriptorValidation validation = validateChanged(GD_PHOTO,
                    tree -> at(tree, "/review/gates/0").put("id", "unit-review"));

            assertProblem(validation, "/review/gates/0/id", "Duplicate step or gate id 'unit-review'");
        }

        @Test
        void duplicateReasonCodesAndUnsupportedReturnPoliciesAreRefused() {
            DescriptorValidation validation = validateChanged(GD_PHOTO, tree -> {
                var reasons = at(tree, "/review").putArray("reasons");
                for (int i = 0; i < 2; i++) {
                    var reason = reasons.addObject().put("code", "evidence-mismatch");
                    reason.putObject("label").put("zh", "材料与原件不符").put("en", "Evidence mismatch");
                }
                at(tree, "/review").putObject("onReturn").put("to", "previousStep");
            });

            assertProblem(validation, "/review/reasons/1/code", "Duplicate reason code id 'evidence-mismatch'");
            assertProblem(validation, "/review/onReturn", "'previousStep' and 'returningStep' are not supported yet");
        }

        @Test
        void sectionAndFieldIdsShareANamespace() {
            DescriptorValidation validation = validateChanged(CQ,
                    tree -> at(tree, "/form/sections/1/fields/0").put("id", "study"));

            assertProblem(validation, "/form/sections/3/id", "Duplicate section or field id 'study'");
        }

        @Test
        void duplicateSlotRuleRouteWindowDocumentAndDictionaryIds() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/uploads/slots/1").put("id", "basicEvidence");
                at(tree, "/form/rules/1").put("id", "notice-period-ordered");
                at(tree, "/review/routes/1").put("id", "district-establishment");
                at(tree, "/season/windows/1").put("id", "application");
                at(tree, "/documents/1").put("id", "review-form");
                at(tree, "/dictionaries/1").put("id", "titles");
            });

            assertProblem(validation, "/uploads/slots/1/id", "Duplicate slot id 'basicEvidence'");
            assertProblem(validation, "/form/rules/1/id", "Duplicate rule id 'notice-period-ordered'");
            assertProblem(validation, "/review/routes/1/id", "Duplicate route id 'district-establishment'");
            assertProblem(validation, "/season/windows/1/id", "Duplicate window id 'application'");
            assertProblem(validation, "/documents/1/id", "Duplicate document id 'review-form'");
            assertProblem(validation, "/dictionaries/1/id", "Duplicate dictionary id 'titles'");
        }

        @Test
        void duplicateDictionaryCodesAndOptionCodes() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/dictionaries/3/entries/1").put("code", "national");
                at(tree, "/form/sections/0/fields/2/options/1").put("code", "deputySenior");
            });

            assertProblem(validation, "/dictionaries/3/entries/1/code",
                    "Duplicate code 'national' in dictionary 'researchLevels'");
            assertProblem(validation, "/form/sections/0/fields/2/options/1/code",
                    "Duplicate option code 'deputySenior'");
        }
    }

    @Nested
    class Conditions {

        @Test
        void unknownFieldsInRulesAreReported() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/form/rules/0/check").put("gteField", "noticeStrat");
                at(tree, "/form/rules/0").put("field", "noticeEnde");
            });

            assertProblem(validation, "/form/rules/0/check/gteField", "Unknown field 'noticeStrat'.");
            assertProblem(validation, "/form/rules/0/field", "Unknown field 'noticeEnde'.");
        }

        @Test
        void aRowFieldIsVisibleOnlyInItsOwnRows() {
            DescriptorValidation validation = validateChanged(CQ,
                    tree -> at(tree, "/form/rules/0").set("when", json("{\"field\": \"studyStart\", \"empty\": false}")));

            assertProblem(validation, "/form/rules/0/when/field",
                    "Field 'studyStart' belongs to repeatable section 'study' and is visible only to conditions");
        }

        @Test
        void aTestHasExactlyOneSubjectAndOneOperator() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/form/sections/3/rowRules/0").set("check",
                        json("{\"monthsBetween\": [\"studyStart\", \"studyEnd\"], \"gte\": 3, \"lt\": 100}"));
                at(tree, "/form/rules/1").set("when", json("{\"field\": \"examMode\"}"));
                at(tree, "/form/rules/2").set("when", json("{\"field\": \"declaredLevel\", \"org\": \"type\"}"));
            });

            assertProblem(validation, "/form/sections/3/rowRules/0/check", "exactly one operator; found [lt, gte]");
            assertProblem(validation, "/form/rules/1/when", "The test of field needs an operator");
            assertProblem(validation, "/form/rules/2/when", "A test has exactly one subject; found [field, org]");
        }

        @Test
        void aCombinationStandsAlone() {
            DescriptorValidation validation = validateChanged(CQ, tree -> at(tree, "/form/rules/2/check")
                    .put("field", "declaredLevel"));

            assertProblem(validation, "/form/rules/2/check", "either one of all, any and not, or one test");
        }

        @Test
        void literalsOfChoiceFieldsAreCodes() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/form/sections/11/visibleWhen").put("equals", "deputySenor");
                at(tree, "/review/routes/0/when/all/1").put("equals", "establishment");
            });

            assertProblem(validation, "/form/sections/11/visibleWhen/equals",
                    "'deputySenor' is not a code of field 'declaredLevel'.");
            assertProblem(validation, "/review/routes/0/when/all/1/equals",
                    "'establishment' is not a code of field 'applicantIdentity'.");
        }

        @Test
        void dateDifferencesNeedDateFields() {
            DescriptorValidation validation = validateChanged(CQ, tree -> ((ArrayNode) at(tree,
                    "/form/sections/3/rowRules/0/check").get("monthsBetween")).set(1, "studyPlace"));

            assertProblem(validation, "/form/sections/3/rowRules/0/check/monthsBetween/1",
                    "Field 'studyPlace' is not a date or yearMonth field.");
        }

        @Test
        void rowCountNeedsARepeatableSectionAndWhereNeedsRowCount() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/form/rules/3/check").put("rowCount", "basic");
                at(tree, "/form/rules/1/check").set("where", json("{\"field\": \"frontLine\", \"equals\": true}"));
            });

            assertProblem(validation, "/form/rules/3/check/rowCount", "Section 'basic' is not repeatable.");
            assertProblem(validation, "/form/rules/1/check/where", "where is used only with the rowCount subject.");
        }

        @Test
        void rowCountWhereSeesTheCountedRows() {
            DescriptorValidation validation = validateChanged(CQ, tree -> at(tree, "/form/rules/3/check/where")
                    .put("field", "studyContent"));

            assertProblem(validation, "/form/rules/3/check/where/field",
                    "Field 'studyContent' belongs to repeatable section 'study'");
        }

        @Test
        void regularExpressionsCompile() {
            DescriptorValidation validation = validateChanged(FJ, tree -> at(tree, "/form/sections/2/fields/0")
                    .put("pattern", "^([0-9]{12}|无$"));

            assertProblem(validation, "/form/sections/2/fields/0/pattern", "Not a valid regular expression");
        }
    }

    @Nested
    class Fields {

        @Test
        void choicesNeedExactlyOneOfDictionaryAndOptions() {
            DescriptorValidation validation = validateChanged(GD_TITLE, tree -> {
                at(tree, "/form/sections/0/fields/4").remove("dictionary");
                at(tree, "/form/sections/0/fields/2").put("dictionary", "sexes");
            });

            assertProblem(validation, "/form/sections/0/fields/4",
                    "A choice field needs exactly one of dictionary and options.");
            assertProblem(validation, "/form/sections/0/fields/2/dictionary", "A text field has no dictionary");
        }

        @Test
        void limitsAreOrderedAndFitTheType() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/form/sections/1/fields/7").put("min", 101);
                at(tree, "/form/sections/1/fields/1").put("minLength", 10).put("maxLength", 2);
                at(tree, "/form/sections/1/fields/3").put("max", 5);
            });

            assertProblem(validation, "/form/sections/1/fields/7/min", "min (101) is greater than max (100).");
            assertProblem(validation, "/form/sections/1/fields/1/minLength",
                    "minLength (10) is greater than maxLength (2).");
            assertProblem(validation, "/form/sections/1/fields/3", "A date field has no min or max");
        }

        @Test
        void onlyRepeatableSectionsHaveRows() {
            DescriptorValidation validation = validateChanged(CQ, tree -> at(tree, "/form/sections/1")
                    .put("maxRows", 3).put("orderable", true));

            assertProblem(validation, "/form/sections/1/maxRows", "Only a repeatable section has maxRows.");
            assertProblem(validation, "/form/sections/1/orderable", "Only a repeatable section can be orderable.");
        }

        @Test
        void rowOrderNeedsOrderableRowsAndKnownCodes() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/form/sections/6").put("orderable", false);
                ((ArrayNode) at(tree, "/form/sections/6/rowOrder/keys/1").get("sequence")).set(3, "county");
            });

            assertProblem(validation, "/form/sections/6/rowOrder", "must be orderable");
            assertProblem(validation, "/form/sections/6/rowOrder/keys/1/sequence/3",
                    "'county' is not a code of field 'researchLevel'.");
        }

        @Test
        void cascadeParentsExistComeEarlierAndMatchTheDictionary() {
            DescriptorValidation validation = validateChanged(FJ, tree -> {
                at(tree, "/form/sections/4/fields/1").put("cascadeParent", "specialty");
                at(tree, "/form/sections/4/fields/4").put("cascadeParent", "practiceCategory");
                at(tree, "/form/sections/4/fields/3").put("cascadeParent", "practiceCategroy");
            });

            assertProblem(validation, "/form/sections/4/fields/1/cascadeParent",
                    "The cascade parent 'specialty' must come before field 'qualification'.");
            assertProblem(validation, "/form/sections/4/fields/4/cascadeParent",
                    "Dictionary 'specialties' takes its parent codes from dictionary 'practiceScopes', but the cascade parent 'practiceCategory' uses dictionary 'practiceCategories'.");
            assertProblem(validation, "/form/sections/4/fields/3/cascadeParent", "Unknown field 'practiceCategroy'.");
        }

        @Test
        void computedFieldsFitTheirComputation() {
            DescriptorValidation validation = validateChanged(GD_TITLE, tree -> {
                at(tree, "/form/sections/11/fields/4").put("type", "text");
                at(tree, "/form/sections/11/fields/4/computed").put("from", "currentTitle");
            });

            assertProblem(validation, "/form/sections/11/fields/4/computed",
                    "gives integer values, but field 'yearsInCurrentTitle' is of type text");
            assertProblem(validation, "/form/sections/11/fields/4/computed/from",
                    "Field 'currentTitle' is not a date or yearMonth field.");
        }

        @Test
        void computationsDoNotDependOnThemselves() {
            DescriptorValidation validation = validateChanged(CQ, tree -> at(tree, "/form/sections/1/fields/10")
                    .put("type", "integer")
                    .set("computed", json("{\"kind\": \"sum\", \"of\": [\"ruralSupportYears\", \"ethicsSatisfaction\"]}")));

            assertTrue(validation.valid(), Descriptors.describe(validation));
            DescriptorValidation cycle = validateChanged(CQ, tree -> {
                at(tree, "/form/sections/1/fields/7").set("computed", json("{\"kind\": \"sum\", \"of\": [\"ruralSupportYears\"]}"));
                at(tree, "/form/sections/1/fields/8").set("computed", json("{\"kind\": \"sum\", \"of\": [\"ethicsSatisfaction\"]}"));
            });

            assertProblem(cycle, "/form/sections/1/fields/7/computed",
                    "Computed field 'ethicsSatisfaction' depends on itself.");
        }

        @Test
        void fileFieldsShowAnExistingSlotOfTheirRows() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/form/sections/3/fields/5").put("slot", "workSummary");
                at(tree, "/form/sections/1/fields/18").put("slot", "achievementEvidence");
                at(tree, "/form/sections/1/fields/19").put("slot", "frontLineEvidense");
            });

            assertProblem(validation, "/form/sections/3/fields/5/slot", "is not a row slot of that section");
            assertProblem(validation, "/form/sections/1/fields/18/slot",
                    "Slot 'achievementEvidence' is a row slot of section 'achievements'");
            assertProblem(validation, "/form/sections/1/fields/19/slot", "Unknown slot 'frontLineEvidense'.");
        }
    }

    @Nested
    class Uploads {

        @Test
        void slotLimitsFitTheQuotaAndTheFileTypes() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/uploads/slots/0").put("maxBytes", 200_000_000L);
                at(tree, "/uploads/slots/1").set("image", json("{\"minWidth\": 10}"));
                at(tree, "/uploads/slots/2").put("minFiles", 3);
            });

            assertProblem(validation, "/uploads/slots/0/maxBytes", "exceeds the application quota (125829120)");
            assertProblem(validation, "/uploads/slots/1/image", "Image rules need an image type");
            assertProblem(validation, "/uploads/slots/2/minFiles", "minFiles (3) is greater than maxFiles (1).");
        }

        @Test
        void backingsNameRepeatableSectionsAndTheirFields() {
            DescriptorValidation validation = validateChanged(FJ, tree -> {
                at(tree, "/uploads/slots/2/backs").put("section", "educationCheck");
                ((ArrayNode) at(tree, "/uploads/slots/3/backs").get("fields")).set(0, "eduLevel");
                ((ArrayNode) at(tree, "/uploads/slots/4/backs").get("fields")).set(0, "eduLevel");
            });

            assertProblem(validation, "/uploads/slots/2/backs/section", "Section 'educationCheck' is not repeatable.");
            assertProblem(validation, "/uploads/slots/3/backs/fields/0", "belongs to repeatable section 'education'");
            assertProblem(validation, "/uploads/slots/4/backs/fields/0", "belongs to repeatable section 'education'");
        }

        @Test
        void templatesAndFileNameFieldsExist() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/uploads/slots/4").put("template", "workload");
                at(tree, "/uploads/slots/5").set("fileName", json("{\"source\": \"field\"}"));
            });

            assertProblem(validation, "/uploads/slots/4/template", "Unknown document 'workload'.");
            assertProblem(validation, "/uploads/slots/5/fileName", "A file name taken from a field names the field.");
        }
    }

    @Nested
    class Review {

        @Test
        void onlyTheLastRouteMayBeACatchAll() {
            DescriptorValidation validation = validateChanged(FJ, tree -> at(tree, "/review/routes/1").remove("when"));

            assertProblem(validation, "/review/routes/1",
                    "Route 'county' has no condition, so it matches every applicant; only the last route may be such a catch-all.");
        }

        @Test
        void routesNameStepsNotGates() {
            DescriptorValidation validation = validateChanged(CQ, tree -> ((ArrayNode) at(tree, "/review/routes/2")
                    .get("steps")).add("level1-submit"));

            assertProblem(validation, "/review/routes/2/steps/2", "'level1-submit' is a gate, not a step");
        }

        @Test
        void actionListsAreConsistent() {
            DescriptorValidation validation = validateChanged(GD_PHOTO, tree -> {
                ((ArrayNode) at(tree, "/review/steps/0").get("commentRequired")).add("reject");
                at(tree, "/review/steps/0").set("defaultOpinion", json("{\"zh\": \"同意\", \"en\": \"Agreed\"}"));
                ((ArrayNode) at(tree, "/review/steps/0").get("actions")).remove(0);
            });

            assertProblem(validation, "/review/steps/0/commentRequired/1",
                    "Action 'reject' is not among the step's actions.");
            assertProblem(validation, "/review/steps/0/confirm/0", "Action 'approve' is not among the step's actions.");
            assertProblem(validation, "/review/steps/0/defaultOpinion", "A default opinion needs the approve action.");
        }

        @Test
        void matchChecksNameSlots() {
            DescriptorValidation validation = validateChanged(FJ, tree -> ((ArrayNode) at(tree, "/review/steps/2")
                    .get("matchCheckSlots")).add("diploma"));

            assertProblem(validation, "/review/steps/2/matchCheckSlots/11", "Unknown slot 'diploma'.");
        }

        @Test
        void selectorsCarryWhatTheirPickNeeds() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/review/steps/2/reviewer").remove("match");
                at(tree, "/review/steps/4/reviewer").remove("level");
                at(tree, "/review/steps/5/reviewer").put("level", 0);
                at(tree, "/review/gates/0/submitter").put("pick", "field").put("field", "committee").remove("level");
            });

            assertProblem(validation, "/review/steps/2/reviewer", "pick 'nearest' needs a match condition.");
            assertProblem(validation, "/review/steps/4/reviewer", "pick 'level' needs a level.");
            assertProblem(validation, "/review/steps/5/reviewer/level", "level is used only with pick 'level'.");
            assertProblem(validation, "/review/gates/0/submitter/field",
                    "Field 'committee' is not an organisation field.");
        }

        @Test
        void aSelectorMatchTestsTheOrganisation() {
            DescriptorValidation validation = validateChanged(FJ, tree -> at(tree, "/review/steps/1/reviewer")
                    .set("match", json("{\"field\": \"unit\", \"empty\": false}")));

            assertProblem(validation, "/review/steps/1/reviewer/match", "use the 'org' subject");
        }

        @Test
        void gatesPrecedeKnownStepsAndCountNotStartedOnlyWithARoster() {
            DescriptorValidation validation = validateChanged(GD_PHOTO, tree -> {
                at(tree, "/review/gates/0").put("before", "committee-office");
                at(tree, "/options").put("eligibility", "open");
            });

            assertProblem(validation, "/review/gates/0/before", "Unknown step 'committee-office'.");
            assertProblem(validation, "/review/gates/0/includeNotStarted", "needs options.eligibility 'roster'");
        }

        @Test
        void columnsShowAFieldOrAMeta() {
            DescriptorValidation validation = validateChanged(GD_PHOTO, tree -> {
                at(tree, "/review/queueColumns/4").remove("slot");
                at(tree, "/review/queueColumns/0").put("field", "photo");
                at(tree, "/review/queueColumns/1").put("slot", "photo");
            });

            assertProblem(validation, "/review/queueColumns/4", "Column meta 'fileSize' needs a slot.");
            assertProblem(validation, "/review/queueColumns/0", "A column shows exactly one of field and meta.");
            assertProblem(validation, "/review/queueColumns/1/slot", "slot is used only with the fileSize");
        }
    }

    @Nested
    class SeasonDocumentsCertificateDictionaries {

        @Test
        void windowsAreOrderedAndNameStepsAndGates() {
            DescriptorValidation validation = validateChanged(FJ, tree -> {
                at(tree, "/season/windows/0").put("opens", "2020-01-14T00:00:00+08:00");
                ((ArrayNode) at(tree, "/season/windows/1").get("steps")).add("registration");
                at(tree, "/season/windows/1").set("gates", json("[\"unit-submit-all\"]"));
            });

            assertProblem(validation, "/season/windows/0/closes", "must be after opens");
            assertProblem(validation, "/season/windows/1/steps/4", "Unknown step 'registration'.");
            assertProblem(validation, "/season/windows/1/gates/0", "Unknown gate 'unit-submit-all'.");
        }

        @Test
        void documentsReferToStepsGatesSectionsAndFields() {
            DescriptorValidation validation = validateChanged(CQ, tree -> {
                at(tree, "/documents/0/watermark").put("untilPassed", "city-submit");
                ((ArrayNode) at(tree, "/documents/1/pages/0/blocks/0").get("fields")).add("studyContent");
                at(tree, "/documents/1/pages/0/blocks/1").set("rowsWhen", json("{\"field\": \"committee\", \"empty\": false}"));
                at(tree, "/documents/3").remove("columns");
            });

            assertProblem(validation, "/documents/0/watermark/untilPassed", "Unknown step or gate 'city-submit'.");
            assertProblem(validation, "/documents/1/pages/0/blocks/0/fields/9",
                    "Field 'studyContent' is not in section 'basic'.");
            assertProblem(validation, "/documents/1/pages/0/blocks/1/rowsWhen",
                    "rowsWhen filters the rows of a repeatable section.");
            assertProblem(validation, "/documents/3", "A roster needs columns.");
        }

        @Test
        void certificateSourcesNumberingAndPhoto() {
            DescriptorValidation validation = validateChanged(GD_TITLE, tree -> {
                at(tree, "/certificate/fields/0").put("field", "name");
                at(tree, "/certificate/numbering").put("pattern", "{province}{yr}{seq:4}{seq:4}");
                at(tree, "/certificate").put("photoSlot", "outsideCertificate").put("issueAfter", "hrss-office");
            });

            assertProblem(validation, "/certificate/fields/0", "exactly one of field, meta and text");
            assertProblem(validation, "/certificate/numbering/pattern", "Unknown placeholder {yr}");
            assertProblem(validation, "/certificate/numbering/pattern", "exactly one {seq:N}");
            assertProblem(validation, "/certificate/issueAfter", "Unknown step or gate 'hrss-office'.");
            DescriptorValidation pdfPhoto = validateChanged(GD_TITLE, tree -> {
                at(tree, "/uploads/slots/0").remove("image");
                at(tree, "/uploads/slots/0").set("accept", json("[\"pdf\"]"));
            });
            assertProblem(pdfPhoto, "/certificate/photoSlot", "Slot 'photo' accepts no image type.");
        }

        @Test
        void dictionariesHaveEntriesOrASourceAndKnownParents() {
            DescriptorValidation validation = validateChanged(FJ, tree -> {
                at(tree, "/dictionaries/8/entries/0").put("parent", "junior-nurse");
                at(tree, "/dictionaries/8/entries/1").remove("parent");
                at(tree, "/dictionaries/3").set("entries", json("[{\"code\": \"x\", \"label\": {\"zh\": \"某单位\", \"en\": \"Some unit\"}}]"));
                at(tree, "/dictionaries/4").remove("entries");
                at(tree, "/dictionaries/5").put("parentDictionary", "studyModes");
            });

            assertProblem(validation, "/dictionaries/8/entries/0/parent",
                    "Unknown parent code 'junior-nurse' in dictionary 'levels'.");
            assertProblem(validation, "/dictionaries/8/entries/1", "need a parent code from 'levels'");
            assertProblem(validation, "/dictionaries/3", "either entries or a source, not both");
            assertProblem(validation, "/dictionaries/4", "A dictionary needs entries or a source.");
            assertProblem(validation, "/dictionaries/5/parentDictionary", "not its own parentDictionary");
        }

        @Test
        void treeDictionariesHaveNoCycles() {
            DescriptorValidation validation = validateChanged(GD_TITLE, tree -> {
                at(tree, "/dictionaries/1/entries/0").put("parent", "2");
                at(tree, "/dictionaries/1/entries/1").put("parent", "1");
            });

            assertProblem(validation, "/dictionaries/1/entries/0/parent", "The parent codes of '1' form a cycle.");
        }
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        DescriptorValidation validation = validateChanged(FJ, tree -> {
            at(tree, "/form/sections/0/fields/1").put("dictionary", "sexs");
            ((ArrayNode) at(tree, "/review/routes/0").get("steps")).set(0, "registration");
            ObjectNode duplicate = at(tree, "/form/sections/0/fields/0").deepCopy();
            ((ArrayNode) at(tree, "/form/sections/1").get("fields")).add(duplicate);
        });

        assertProblem(validation, "/form/sections/0/fields/1/dictionary", "Unknown dictionary 'sexs'.");
        assertProblem(validation, "/review/routes/0/steps/0", "Unknown step 'registration'.");
        assertProblem(validation, "/form/sections/1/fields/6/id", "Duplicate section or field id 'name'");
        assertEquals(3, validation.problems().size(), Descriptors.describe(validation));
        assertEquals(List.of(), validation.problems().stream().filter(p -> !p.pointer().startsWith("/")).toList());
    }
}

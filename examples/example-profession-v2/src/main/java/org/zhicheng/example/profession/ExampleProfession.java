package org.zhicheng.example.profession;

import java.io.InputStream;
import java.time.Year;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.zhicheng.api.business.Business;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.FormAnswers;

/** Version 2 of the example business: adds a field, an optional step and a Java rule beside the declarative ones. */
@Component(service = Business.class, property = Business.SERVICE_PROPERTY_ID + "=example-profession")
public final class ExampleProfession implements Business {

    /** Nobody works in a profession before this age. */
    private static final int WORKING_AGE = 16;

    @Override
    public InputStream openDescriptor() {
        return ExampleProfession.class.getResourceAsStream("/META-INF/zhicheng/business.json");
    }

    /** A rule data cannot express: the years in the field cannot exceed the working years the ID number allows. */
    @Override
    public List<FieldProblem> validate(FormAnswers form) {
        Object idNumber = form.value("idNumber");
        Object years = form.value("yearsInField");
        if (!(idNumber instanceof String id) || id.length() != 18 || !(years instanceof Number n)
                || !id.substring(6, 10).chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        int birthYear = Integer.parseInt(id.substring(6, 10));
        int possible = Year.now().getValue() - birthYear - WORKING_AGE;
        if (n.intValue() > possible) {
            return List.of(new FieldProblem("yearsInField", "example.years-exceed-age",
                    "从事本专业年限不能超过 " + Math.max(possible, 0) + " 年（按身份证号推算的工作年限）。",
                    "Years in the field cannot exceed " + Math.max(possible, 0)
                            + " (the working years the ID number allows)."));
        }
        return List.of();
    }
}

package org.zhicheng.example.profession;

import java.io.InputStream;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.zhicheng.api.business.Business;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.FormAnswers;

/** Version 2 of the example business: adds a Java rule beside the declarative ones. */
@Component(service = Business.class, property = Business.SERVICE_PROPERTY_ID + "=example-profession")
public final class ExampleProfession implements Business {

    @Override
    public InputStream openDescriptor() {
        return ExampleProfession.class.getResourceAsStream("/META-INF/zhicheng/business.json");
    }

    /** A rule data cannot express: the name must not repeat the employer's name. */
    @Override
    public List<FieldProblem> validate(FormAnswers form) {
        Object name = form.value("name");
        Object employer = form.value("employer");
        if (name != null && name.equals(employer)) {
            return List.of(new FieldProblem("employer", "example.employer-is-name", "工作单位不能与姓名相同。",
                    "The employer cannot be the same as the name."));
        }
        return List.of();
    }
}

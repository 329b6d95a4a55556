package org.zhicheng.example.profession;

import java.io.InputStream;

import org.osgi.service.component.annotations.Component;
import org.zhicheng.api.business.Business;

/** Version 1 of the example business: declarative only. */
@Component(service = Business.class, property = Business.SERVICE_PROPERTY_ID + "=example-profession")
public final class ExampleProfession implements Business {

    @Override
    public InputStream openDescriptor() {
        return ExampleProfession.class.getResourceAsStream("/META-INF/zhicheng/business.json");
    }
}

package org.zhicheng.notification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How e-mail leaves the platform ({@code etc/org.zhicheng.notification.cfg}). */
@ObjectClassDefinition(name = "Zhicheng notification")
public @interface EmailSettings {

    @AttributeDefinition(description = "SMTP server; empty keeps e-mails queued (health says so once one waits).")
    String smtp_host() default "";

    @AttributeDefinition(description = "SMTP port: 587 for STARTTLS, 465 for SSL.")
    int smtp_port() default 587;

    @AttributeDefinition(description = "Transport security: starttls (required, not opportunistic), ssl or none"
            + " (only for a relay on the same host).")
    String smtp_security() default "starttls";

    @AttributeDefinition(description = "SMTP user; empty for none.")
    String smtp_username() default "";

    @AttributeDefinition(description = "SMTP password. Kept out of the repository: set it on the server only.")
    String smtp_password() default "";

    @AttributeDefinition(description = "Sender address, e.g. \"职称申报系统 <noreply@example.gov.cn>\".")
    String from() default "";

    @AttributeDefinition(description = "Seconds between looks at the outbox.")
    int pollSeconds() default 10;

    @AttributeDefinition(description = "Delivery attempts before a message is marked failed.")
    int maxAttempts() default 8;

    @AttributeDefinition(description = "Seconds to wait for the SMTP server to connect and to answer.")
    int timeoutSeconds() default 20;
}

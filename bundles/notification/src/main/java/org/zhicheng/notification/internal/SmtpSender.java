package org.zhicheng.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.notification.Message;
import org.zhicheng.api.notification.SendException;
import org.zhicheng.api.notification.Sender;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The platform's e-mail sender (GD-PHOTO-7): one plain-text UTF-8 e-mail over SMTP with Jakarta Mail, configured by
 * {@code org.zhicheng.notification}. An address the server refuses outright fails permanently; anything else
 * (server unreachable, refused log-in, a temporary refusal) is tried again.
 */
final class SmtpSender implements Sender {

    private final Session session;
    private final InternetAddress from;

    SmtpSender(EmailSettings settings) throws MessagingException {
        String security = settings.smtp_security().trim().toLowerCase(java.util.Locale.ROOT);
        if (!security.equals("starttls") && !security.equals("ssl") && !security.equals("none")) {
            throw new IllegalArgumentException("smtp.security must be starttls, ssl or none, not " + security);
        }
        if (settings.from().isBlank()) {
            throw new IllegalArgumentException("from must be set when smtp.host is");
        }
        Properties props = new Properties();
        String protocol = security.equals("ssl") ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.smtp_host().trim());
        props.put("mail." + protocol + ".port", String.valueOf(settings.smtp_port()));
        String timeout = String.valueOf(settings.timeoutSeconds() * 1000L);
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        if (security.equals("starttls")) {
            // Required, not opportunistic: a server without STARTTLS is refused rather than spoken to in clear.
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (!security.equals("none")) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (!settings.smtp_username().isBlank()) {
            props.put("mail." + protocol + ".auth", "true");
            String user = settings.smtp_username();
            String password = settings.smtp_password();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
        this.from = new InternetAddress(settings.from(), true);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Message message) throws SendException {
        try {
            send(message.recipient(), message.subject(), message.body());
        } catch (AddressException e) {
            throw new SendException("not an e-mail address: " + e.getMessage(), true, e);
        } catch (SendFailedException e) {
            // Refused recipients (5xx) are listed as invalid; a temporary refusal leaves them "valid unsent".
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new SendException(String.valueOf(e.getMessage()), refused, e);
        } catch (MessagingException e) {
            throw SendException.temporary(String.valueOf(e.getMessage()), e);
        }
    }

    void send(String recipient, String subject, String body) throws MessagingException {
        // Jakarta Mail and Activation find their providers through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setSentDate(new java.util.Date());
            Transport.send(message);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

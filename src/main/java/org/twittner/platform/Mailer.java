package org.twittner.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Sends e-mail through the SMTP server of the TWITTNER_SMTP_* settings with Jakarta Mail (the
 * server's own implementation: Angus Mail on Payara and WildFly). Every wait on the mail server
 * (connect, read, write) is bounded by TWITTNER_SMTP_TIMEOUT_SECONDS, so that a slow server costs
 * the caller seconds, not minutes. Call it outside any database transaction.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    RequestGate gate;

    @Inject
    TwittnerConfig config;

    /** Whether an SMTP server and a sender address are configured. */
    public boolean configured() {
        boolean configured = config.smtpHost().isPresent() && config.mailFrom().isPresent();
        if (!configured) {
            LOG.warning("No e-mail can be sent: set TWITTNER_SMTP_HOST and TWITTNER_MAIL_FROM (and TWITTNER_SMTP_PORT,"
                    + " TWITTNER_SMTP_SECURITY none|starttls|tls, TWITTNER_SMTP_USER, TWITTNER_SMTP_PASSWORD as your"
                    + " mail server needs); see README, 'E-mail'");
        }
        return configured;
    }

    /** Sends a plain-text UTF-8 message; throws when the server refuses it or does not answer in time. */
    public void send(String to, String subject, String text) throws MessagingException {
        Session session = session();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(config.mailFrom().orElseThrow(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.setSentDate(new Date());
        // the mail server may be slow: the request gives up its turn meanwhile
        gate.outside(() -> {
            Transport.send(message);
            return null;
        });
    }

    private Session session() {
        String timeout = Integer.toString(config.smtpTimeoutSeconds() * 1000);
        Properties props = new Properties();
        String protocol = config.smtpSecurity().equals("tls") ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", config.smtpHost().orElseThrow());
        props.put("mail." + protocol + ".port", Integer.toString(config.smtpPort()));
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        if (config.smtpSecurity().equals("starttls")) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (!config.smtpSecurity().equals("none")) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator login = null;
        if (config.smtpUser().isPresent()) {
            props.put("mail." + protocol + ".auth", "true");
            String user = config.smtpUser().get();
            String password = config.smtpPassword();
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        return Session.getInstance(props, login);
    }
}

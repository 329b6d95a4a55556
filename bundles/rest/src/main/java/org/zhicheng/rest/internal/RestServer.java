package org.zhicheng.rest.internal;

import java.util.List;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.health.HealthIndicator;
import org.zhicheng.api.identity.AccountAdministration;
import org.zhicheng.api.identity.Authentication;
import org.zhicheng.api.identity.Captchas;
import org.zhicheng.api.identity.Organisations;
import org.zhicheng.api.identity.PassListImports;
import org.zhicheng.api.identity.PasswordRecovery;
import org.zhicheng.api.identity.Registrations;
import org.zhicheng.api.identity.SecondFactors;
import org.zhicheng.api.identity.UnitChanges;
import org.zhicheng.api.identity.UnitRegistrations;
import org.zhicheng.api.notification.Inbox;
import org.zhicheng.api.notification.OutboxAdministration;
import org.zhicheng.api.certificates.Certificates;
import org.zhicheng.api.documents.ApplicationDocuments;
import org.zhicheng.api.media.Attachments;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.workflow.Applications;
import org.zhicheng.api.workflow.Gates;
import org.zhicheng.api.workflow.Oversight;
import org.zhicheng.api.workflow.Reviews;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * The JAX-RS application: one CXF server on its own bus at the CXF servlet's context ({@code /api}, set in
 * {@code etc/org.apache.cxf.osgi.cfg}). Its collaborators are dynamic so that the API, and with it
 * {@code /api/health}, keeps answering while the database or the registry is away.
 */
@Component(immediate = true)
public final class RestServer {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    /** The resource classes the server carries; a test checks that none in this bundle is left out. */
    static final List<Class<?>> RESOURCES = List.of(HealthResource.class, BusinessResource.class,
            AuthResource.class, AccountResource.class, OrganisationResource.class, RegistrationResource.class,
            UnitRegistrationResource.class, PassListResource.class, UnitChangeResource.class, ApplicationResource.class, FileResource.class, FileExportResource.class, DocumentResource.class, CertificateResource.class, CertificateIssueResource.class, ReviewResource.class, GateResource.class,
            OversightResource.class, NotificationResource.class, AuditResource.class, OpenApiResource.class);

    // Field references: DS replaces these as services come and go, so the API keeps answering (health
    // reports what is missing) while a collaborator is away.
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<HealthIndicator> indicators = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BusinessRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authentication authentication;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccountAdministration accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Organisations organisations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Registrations registrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SecondFactors secondFactors;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UnitRegistrations unitRegistrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Captchas captchas;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PasswordRecovery recovery;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PassListImports passLists;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UnitChanges unitChanges;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Applications applications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Reviews reviews;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Gates gates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Oversight oversight;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Attachments attachments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ApplicationDocuments documents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Certificates certificates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Inbox inbox;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OutboxAdministration outboxAdministration;

    private Bus bus;
    private Server server;

    @Activate
    void activate() {
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // CXF discovers its bus extensions through the context class loader.
        thread.setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
        try {
            bus = BusFactory.newInstance().createBus();
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/");
            List<Object> resources = List.of(
                    new HealthResource(() -> indicators),
                    new BusinessResource(() -> registry, json),
                    new AuthResource(() -> authentication, () -> accounts, () -> secondFactors, () -> captchas, () -> recovery),
                    new AccountResource(() -> accounts),
                    new OrganisationResource(() -> organisations),
                    new RegistrationResource(() -> registrations),
                    new UnitRegistrationResource(() -> unitRegistrations),
                    new PassListResource(() -> passLists, () -> registry),
                    new UnitChangeResource(() -> unitChanges),
                    new ApplicationResource(() -> applications),
                    new FileResource(() -> attachments),
                    new FileExportResource(() -> attachments),
                    new DocumentResource(() -> documents),
                    new CertificateResource(() -> certificates),
                    new CertificateIssueResource(() -> certificates),
                    new ReviewResource(() -> reviews, () -> applications, () -> documents),
                    new GateResource(() -> gates),
                    new OversightResource(() -> oversight),
                    new NotificationResource(() -> inbox, () -> outboxAdministration),
                    new AuditResource(() -> audit),
                    new OpenApiResource());
            if (!resources.stream().map(Object::getClass).toList().equals(RESOURCES)) {
                throw new IllegalStateException("RESOURCES does not list the resources the server carries");
            }
            factory.setServiceBeans(resources);
            // Multipart uploads: CXF itself refuses a part past 64 MB (the media service's own limit per slot is far
            // lower and is enforced while reading), and keeps at most 1 MB of a part in memory.
            factory.setProperties(Map.of("attachment-max-size", String.valueOf(64L * 1024 * 1024),
                    "attachment-memory-threshold", String.valueOf(1024L * 1024)));
            factory.setProviders(List.of(new JacksonJsonProvider(json), new ProblemMapper(),
                    new AccessFilter(() -> authentication), new ResponseHeadersFilter()));
            server = factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("Zhicheng REST API started");
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
        if (bus != null) {
            bus.shutdown(true);
        }
    }
}

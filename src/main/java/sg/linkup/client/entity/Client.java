package sg.linkup.client.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.Office;
import sg.linkup.platform.CatalogueEntry;
import sg.linkup.platform.Conflict;
import sg.linkup.platform.Text;

/** A person an SSO books sessions for, reached by SMS in their own language. */
@Entity
@Table(name = "client")
public class Client extends CatalogueEntry {

    /** Null only once the client is anonymised, as are mobile, e-mail and partial NRIC. */
    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "mobile", length = 16)
    private PhoneNumber mobile;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_language", nullable = false, length = 2)
    private Language preferredLanguage;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "sms_consent", nullable = false)
    private boolean smsConsent;

    @Column(name = "partial_nric", length = 4)
    private PartialNric partialNric;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    /** Why SMS to this client's number stopped working, for counter staff to fix; null when it works. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sms_problem", length = 20)
    private SmsProblem smsProblem;

    @Column(name = "sms_problem_at")
    private Instant smsProblemAt;

    /** The SSO that looks after the client: its counter staff see the contact details, others do not. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "office_id")
    private Office office;

    @Column(name = "office_id", insertable = false, updatable = false)
    private Long officeId;

    /** When the retention sweep removed what identifies the client; null for everyone else. */
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    protected Client() {
    }

    public Client(Contact contact, Instant registeredAt) {
        // Whole seconds: MariaDB drops fractions on some binds, and a read-back must equal what was returned.
        this.registeredAt = registeredAt.truncatedTo(ChronoUnit.SECONDS);
        update(contact);
    }

    /** What counter staff record about a client; every part is validated by its own value object. */
    public record Contact(String name, PhoneNumber mobile, Language preferredLanguage, String email,
                          boolean smsConsent, PartialNric partialNric) {
    }

    /** Why texts do not reach the client. */
    public enum SmsProblem {
        /** The provider says the number cannot receive SMS. */
        INVALID_NUMBER,
        /** The provider refuses: the number opted out at the carrier (STOP). */
        UNSUBSCRIBED,
        /** The client replied STOP to Linkup. */
        OPTED_OUT
    }

    public final void update(Contact contact) {
        refuseIfAnonymised("changed");
        String name = Text.singleLine("name", contact.name()).strip();
        String email = Text.singleLine("email", contact.email());
        if (this.mobile != null && !this.mobile.equals(contact.mobile())) {
            clearSmsProblem();  // a corrected number is worth trying again
        }
        this.name = name;
        this.mobile = contact.mobile();
        this.preferredLanguage = contact.preferredLanguage();
        this.email = email == null || email.isBlank() ? null : email.strip();
        this.smsConsent = contact.smsConsent();
        this.partialNric = contact.partialNric();
    }

    /**
     * Removes everything that says who the client was — name, mobile, e-mail, partial NRIC — and the consent that
     * went with the number; the row, its id, office, language and registration stay for the bookings and reports
     * that refer to it. An anonymised client is inactive for good: nobody can book, text or change them.
     */
    public void anonymise(Instant now) {
        if (anonymisedAt != null) {
            return;
        }
        name = null;
        mobile = null;
        email = null;
        partialNric = null;
        smsConsent = false;
        deactivate();
        anonymisedAt = now;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public Instant anonymisedAt() {
        return anonymisedAt;
    }

    /** An anonymised client comes back only as a new registration: there is nothing left to reactivate. */
    @Override
    public void activate() {
        refuseIfAnonymised("activated");
        super.activate();
    }

    private void refuseIfAnonymised(String what) {
        if (anonymisedAt != null) {
            throw new Conflict("client " + id() + " was anonymised and cannot be " + what
                    + "; register the person again");
        }
    }

    /** Whether texts to this E.164 number reach this client (an anonymised client has no number). */
    public boolean hasMobile(String e164) {
        return mobile != null && mobile.e164().equals(e164);
    }

    /** The ids of the clients these offices look after, as a subquery of another list's query. */
    public static Subquery<Long> idsLookedAfterBy(Collection<Long> officeIds, AbstractQuery<?> query) {
        Subquery<Long> ids = query.subquery(Long.class);
        Root<Client> client = ids.from(Client.class);
        return ids.select(client.get("id")).where(client.get("officeId").in(officeIds));
    }

    /** Hands the client to an SSO (on registration, or when they move). */
    public void assignTo(Office office) {
        this.office = office;
        this.officeId = office == null ? null : office.id();
    }

    /** The office that looks after the client; null only for records older than office scoping. */
    public Long officeId() {
        return officeId;
    }

    /** SMS goes only to an active client who agreed to it and whose number is not known to fail. */
    public boolean maySms() {
        return isActive() && smsConsent && smsProblem == null;
    }

    /** The provider refused the number for good: no more texts until staff correct it or the client opts in. */
    public void smsFailed(SmsProblem problem, Instant now) {
        this.smsProblem = problem;
        this.smsProblemAt = now;
    }

    /** The client replied STOP: consent is withdrawn, and staff see why texts stopped. */
    public void optOutOfSms(Instant now) {
        this.smsConsent = false;
        smsFailed(SmsProblem.OPTED_OUT, now);
    }

    /** The client replied START: consent is given again and any earlier refusal is forgotten. */
    public void optInToSms() {
        this.smsConsent = true;
        clearSmsProblem();
    }

    private void clearSmsProblem() {
        this.smsProblem = null;
        this.smsProblemAt = null;
    }

    public SmsProblem smsProblem() {
        return smsProblem;
    }

    public Instant smsProblemAt() {
        return smsProblemAt;
    }

    public String name() {
        return name;
    }

    /** The given name, for messages that must not carry a full name; null once anonymised. */
    public String firstName() {
        return name == null ? null : name.split("\\s+")[0];
    }

    /** Null once anonymised. */
    public PhoneNumber mobile() {
        return mobile;
    }

    public Language preferredLanguage() {
        return preferredLanguage;
    }

    public String email() {
        return email;
    }

    public boolean smsConsent() {
        return smsConsent;
    }

    public PartialNric partialNric() {
        return partialNric;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}

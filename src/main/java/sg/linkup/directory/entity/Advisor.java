package sg.linkup.directory.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import sg.linkup.platform.CatalogueEntry;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Text;

/** A partner agency's officer who sees clients: the person whose calendar gets the invites. */
@Entity
@Table(name = "advisor")
public class Advisor extends CatalogueEntry {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id", nullable = false, updatable = false)
    private PartnerAgency agency;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "email", nullable = false, unique = true, length = 254)
    private String email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "advisor_language", joinColumns = @JoinColumn(name = "advisor_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false, length = 2)
    private Set<Language> languages = EnumSet.noneOf(Language.class);

    @ManyToMany
    @JoinTable(name = "advisor_service",
            joinColumns = @JoinColumn(name = "advisor_id"),
            inverseJoinColumns = @JoinColumn(name = "service_id"))
    private Set<Service> services = new HashSet<>();

    protected Advisor() {
    }

    public Advisor(PartnerAgency agency, String displayName, String email, Set<Language> languages,
                   Collection<Service> services) {
        this.agency = agency;
        describe(displayName, email, languages, services);
    }

    public final void describe(String displayName, String email, Set<Language> languages,
                               Collection<Service> services) {
        if (languages == null || languages.isEmpty()) {
            throw new InvalidInput("languages", "name at least one language the advisor speaks");
        }
        for (Service service : services) {
            if (!belongsToOwnAgency(service)) {
                throw new InvalidInput("serviceIds", "service " + service.code() + " belongs to another agency");
            }
        }
        Text.singleLine("displayName", displayName);
        Text.singleLine("email", email);
        this.displayName = displayName.strip();
        this.email = email.strip().toLowerCase();
        this.languages.clear();
        this.languages.addAll(languages);
        this.services.clear();
        this.services.addAll(services);
    }

    private boolean belongsToOwnAgency(Service service) {
        PartnerAgency owner = service.agency();
        return owner == agency || (agency.id() != null && Objects.equals(owner.id(), agency.id()));
    }

    public boolean offers(Service service) {
        return services.contains(service);
    }

    public boolean speaks(Language language) {
        return languages.contains(language);
    }

    public PartnerAgency agency() {
        return agency;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<Language> languages() {
        return Set.copyOf(languages);
    }

    public Set<Service> services() {
        return Set.copyOf(services);
    }
}

package sg.linkup.directory.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import sg.linkup.platform.CatalogueEntry;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Text;

/** A partner agency (WSG, e2i, HDB, a legal clinic, a family service centre…) whose advisors see clients. */
@Entity
@Table(name = "partner_agency")
public class PartnerAgency extends CatalogueEntry {

    @Column(name = "code", nullable = false, unique = true, length = 20)
    private String code;

    @Column(name = "name", nullable = false, length = 160)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "domain", nullable = false, length = 20)
    private AgencyDomain domain;

    /** Client messages never name a sensitive agency or its services. */
    @Column(name = "is_sensitive", nullable = false)
    private boolean sensitive;

    @Column(name = "base_address", nullable = false, length = 255)
    private String baseAddress;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "latitude", column = @Column(name = "base_latitude", nullable = false)),
            @AttributeOverride(name = "longitude", column = @Column(name = "base_longitude", nullable = false))
    })
    private Coordinates baseLocation;

    protected PartnerAgency() {
    }

    public PartnerAgency(String code, String name, AgencyDomain domain, Boolean sensitive, String baseAddress,
                         Coordinates baseLocation) {
        describe(code, name, domain, sensitive, baseAddress, baseLocation);
    }

    /**
     * @param sensitive null takes the domain's default; legal and family agencies cannot be made non-sensitive
     */
    public final void describe(String code, String name, AgencyDomain domain, Boolean sensitive,
                               String baseAddress, Coordinates baseLocation) {
        if (domain.alwaysSensitive() && Boolean.FALSE.equals(sensitive)) {
            throw new InvalidInput("sensitive", domain + " agencies are always sensitive");
        }
        Text.singleLine("name", name);
        Text.singleLine("baseAddress", baseAddress);
        this.code = code.strip().toUpperCase();
        this.name = name.strip();
        this.domain = domain;
        this.sensitive = sensitive == null ? domain.alwaysSensitive() : sensitive;
        this.baseAddress = baseAddress.strip();
        this.baseLocation = baseLocation;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public AgencyDomain domain() {
        return domain;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    public String baseAddress() {
        return baseAddress;
    }

    public Coordinates baseLocation() {
        return baseLocation;
    }
}

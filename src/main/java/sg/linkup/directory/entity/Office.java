package sg.linkup.directory.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sg.linkup.platform.CatalogueEntry;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.NotFound;
import sg.linkup.platform.Text;

/** A Social Service Office (SSO): where clients come, where rooms are, and when it is open. */
@Entity
@Table(name = "office")
public class Office extends CatalogueEntry {

    private static final Comparator<OpeningHours> WEEK_ORDER =
            Comparator.comparing(OpeningHours::day).thenComparing(OpeningHours::opens);

    @Column(name = "code", nullable = false, unique = true, length = 20)
    private String code;

    @Column(name = "name", nullable = false, length = 120)
    private String name;

    @Column(name = "address", nullable = false, length = 255)
    private String address;

    @Column(name = "postal_code", nullable = false, length = 6)
    private String postalCode;

    @Embedded
    private Coordinates location;

    @ElementCollection
    @CollectionTable(name = "office_opening_hours", joinColumns = @JoinColumn(name = "office_id"))
    private List<OpeningHours> openingHours = new ArrayList<>();

    @OneToMany(mappedBy = "office", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("firstDay ASC")
    private List<OfficeClosure> closures = new ArrayList<>();

    protected Office() {
    }

    public Office(String code, String name, String address, String postalCode, Coordinates location,
                  List<OpeningHours> openingHours) {
        describe(code, name, address, postalCode, location);
        replaceOpeningHours(openingHours);
    }

    public final void describe(String code, String name, String address, String postalCode, Coordinates location) {
        String postal = postalCode == null ? "" : postalCode.strip();
        if (!postal.matches("\\d{6}")) {
            throw new InvalidInput("postalCode", "a Singapore postal code has six digits");
        }
        Text.singleLine("name", name);
        Text.singleLine("address", address);
        this.code = code.strip().toUpperCase();
        this.name = name.strip();
        this.address = address.strip();
        this.postalCode = postal;
        this.location = location;
    }

    /** Replaces the weekly hours; intervals of one weekday must not overlap. */
    public final void replaceOpeningHours(List<OpeningHours> hours) {
        List<OpeningHours> sorted = new ArrayList<>(hours);
        sorted.sort(WEEK_ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new InvalidInput("openingHours", "two intervals overlap on " + sorted.get(i).day());
            }
        }
        openingHours.clear();
        openingHours.addAll(sorted);
    }

    public OfficeClosure close(LocalDate firstDay, LocalDate lastDay, String reason) {
        var closure = new OfficeClosure(this, firstDay, lastDay, reason);
        closures.add(closure);
        return closure;
    }

    public void removeClosure(long closureId) {
        boolean removed = closures.removeIf(c -> c.id() != null && c.id() == closureId);
        if (!removed) {
            throw new NotFound("closure of office " + code, closureId);
        }
    }

    public boolean isClosedOn(LocalDate day) {
        return closures.stream().anyMatch(c -> c.covers(day));
    }

    /** The hours the office is open on a date: none when it is inactive or closed that day. */
    public List<OpeningHours> openingHoursOn(LocalDate day) {
        if (!isActive() || isClosedOn(day)) {
            return List.of();
        }
        return openingHours.stream().filter(h -> h.day() == day.getDayOfWeek()).toList();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String postalCode() {
        return postalCode;
    }

    public Coordinates location() {
        return location;
    }

    /** Monday first: the weekday is stored by name, so the database cannot order it. */
    public List<OpeningHours> openingHours() {
        return openingHours.stream().sorted(WEEK_ORDER).toList();
    }

    public List<OfficeClosure> closures() {
        return List.copyOf(closures);
    }
}

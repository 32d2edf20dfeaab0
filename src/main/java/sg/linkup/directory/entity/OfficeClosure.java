package sg.linkup.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Text;

/** Whole days on which an office is closed (renovation, a staff retreat), both ends included. */
@Entity
@Table(name = "office_closure")
public class OfficeClosure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "office_id")
    private Office office;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @Column(name = "reason", nullable = false, length = 200)
    private String reason;

    protected OfficeClosure() {
    }

    OfficeClosure(Office office, LocalDate firstDay, LocalDate lastDay, String reason) {
        if (firstDay == null || lastDay == null) {
            throw new InvalidInput("firstDay", "first and last day are required");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new InvalidInput("lastDay", "must not be before firstDay");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "say why the office is closed");
        }
        this.office = office;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = Text.singleLine("reason", reason).strip();
    }

    public Long id() {
        return id;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public String reason() {
        return reason;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}

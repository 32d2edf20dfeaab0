package sg.linkup.availability.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A gazetted Singapore public holiday (or a day in lieu): no office is open and no session is offered. */
@Entity
@Table(name = "public_holiday")
public class PublicHoliday {

    @Id
    @Column(name = "day")
    private LocalDate day;

    @Column(name = "name", nullable = false, length = 120)
    private String name;

    protected PublicHoliday() {
    }

    public PublicHoliday(LocalDate day, String name) {
        this.day = day;
        this.name = name.strip();
    }

    public LocalDate day() {
        return day;
    }

    public String name() {
        return name;
    }
}

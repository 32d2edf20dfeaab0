package sg.linkup.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import sg.linkup.platform.CatalogueEntry;
import sg.linkup.platform.Text;

/** A room at an office. Its name is unique within the office (the database says so). */
@Entity
@Table(name = "room")
public class Room extends CatalogueEntry {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "office_id", nullable = false, updatable = false)
    private Office office;

    @Column(name = "name", nullable = false, length = 60)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private RoomKind kind;

    protected Room() {
    }

    public Room(Office office, String name, RoomKind kind) {
        this.office = office;
        describe(name, kind);
    }

    public final void describe(String name, RoomKind kind) {
        this.name = Text.singleLine("name", name).strip();
        this.kind = kind;
    }

    /** Whether a session in this mode can take place in this room. */
    public boolean suits(SessionMode mode) {
        return kind.suits(mode);
    }

    public Office office() {
        return office;
    }

    public String name() {
        return name;
    }

    public RoomKind kind() {
        return kind;
    }
}

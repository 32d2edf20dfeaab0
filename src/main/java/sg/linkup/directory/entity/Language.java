package sg.linkup.directory.entity;

/** The four languages Linkup speaks to clients in, and that advisors may speak. */
public enum Language {
    EN, ZH, MS, TA
}

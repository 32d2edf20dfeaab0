/**
 * The demo catalogue: SSOs, rooms, partner agencies, services, advisors and clients to click through in the
 * dev run. Loaded only when {@code linkup.demo-data=true} and only into an empty database, never by a
 * migration, so no real deployment can receive it. Names, addresses and coordinates are demo data, not official.
 */
package sg.linkup.demo;

/**
 * The catalogue every booking refers to: Social Service Offices with their opening hours, closures and rooms;
 * partner agencies, the services they offer and their advisors. Each entity guards its own rules
 * (hours that do not overlap, a legal agency is always sensitive, an advisor offers only its agency's services).
 */
package sg.linkup.directory;

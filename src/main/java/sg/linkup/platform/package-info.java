/**
 * Cross-cutting plumbing every feature stands on, kept small: the JAX-RS application, the database
 * (data source, Flyway migrations, UTC instants), the clock, paging, request-size limit, readiness, ETags and
 * If-Match ({@link sg.linkup.platform.ETags}), the rule for typed text ({@link sg.linkup.platform.Text}), whole
 * numbers in request bodies ({@link sg.linkup.platform.JsonNumbers}), and the one place where exceptions become
 * RFC 9457 problem details.
 */
package sg.linkup.platform;

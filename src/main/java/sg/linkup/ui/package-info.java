/**
 * The screens' server side, and nothing of the API: serving the browser app (index.html and the content-hashed,
 * precompressed files under {@code /assets/} that {@code src/build/web-assets.mjs} builds) with the right caching
 * and compression ({@link sg.linkup.ui.boundary.StaticAssets}), and the few settings the screens need before anyone
 * signs in ({@link sg.linkup.ui.boundary.UiSettingsResource}). The screens themselves live in
 * {@code src/main/webapp/app}: one ES module per screen, one API client, SGDS web components.
 */
package sg.linkup.ui;

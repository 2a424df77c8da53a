/** Shared by the code and electron-builder.yml (tests/main/packaging.test.ts keeps them equal). */
export const APP_NAME = 'Touchbase'
/**
 * The Windows AppUserModelId. Toasts only show for an id that a Start-menu shortcut carries;
 * the NSIS installer's shortcut gets electron-builder's appId, so the two must be the same.
 */
export const APP_USER_MODEL_ID = 'app.touchbase.desktop'

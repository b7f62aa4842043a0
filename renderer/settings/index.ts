// The writer's preferences in the renderer: mount <SettingsHost> once in the app shell (it
// applies the theme and answers the menu's Settings… and Theme), and <SettingsButton> where a
// visible way in is wanted.
import './settings.css';

export { SettingsHost, SettingsButton } from './SettingsHost';
export { SettingsDialog, type SettingsDialogProps } from './SettingsDialog';
export { applyTheme, isTheme, THEMES } from './theme';
export { readDraft, draftFrom, type SettingsDraft } from './settings-form';

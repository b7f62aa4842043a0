// The recovery area's public face for the app shell.
export { RecoveryDialog, type RecoveryDialogProps, type RestoredText } from './RecoveryDialog';
export { JournalAutosave } from './journal-autosave';

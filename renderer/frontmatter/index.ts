// The front-matter area's UI, mounted by the app shell.
export { FrontMatterForm, type FrontMatterFormProps } from './FrontMatterForm';
export { NewPostDialog, type NewPostDialogProps } from './NewPostDialog';
export { BrokenFrontMatter } from './BrokenFrontMatter';
export { layoutFields, type FormField } from './layout';

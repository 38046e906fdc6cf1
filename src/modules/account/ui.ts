// The module's React components, for pages; the server entry (index.ts) carries no UI.
export { AuthCard } from './components/auth-card';
export { ChangePasswordForm } from './components/change-password-form';
export { ForgotPasswordForm } from './components/forgot-password-form';
export { ResetPasswordForm } from './components/reset-password-form';
export { SignInForm } from './components/sign-in-form';
export { SignOutLink } from './components/sign-out-link';
export { SignUpForm } from './components/sign-up-form';

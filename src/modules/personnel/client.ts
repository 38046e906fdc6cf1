export { personnelButtons } from './permissions';

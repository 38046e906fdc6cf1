import type { Linter } from 'eslint';

export function moduleBoundaries(root: string): Linter.Config[];

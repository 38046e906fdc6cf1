export { Board, type BoardProps } from './board';
export { BoardColumnHeader } from './board-column-header';
export { applyMove, findColumnOf, neighboursOf, type BoardItems } from './board-state';
export type { BoardColumn, BoardHandle, BoardMessages, BoardMove, BoardMoveResult } from './types';

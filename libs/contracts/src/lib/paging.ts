/** Every list endpoint answers with one page of this shape. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

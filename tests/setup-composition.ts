// Registers the modules' event subscribers in every test file, as the app and the worker do at start.
import '@/composition/wiring';

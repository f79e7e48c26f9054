/** Creates the app with its Pinia and mounts it; nothing else happens here. */
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import './style.css';

createApp(App).use(createPinia()).mount('#app');
